package io.tender.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to run the local gateway.
 *
 * @param parameters template parameter overrides, as {@code sam --parameter-overrides} gives them
 * @param secrets secret name → value, replacing the template's value for that secret
 */
public record LocalGatewayOptions(
    Path template,
    int port,
    String stackName,
    Map<String, String> parameters,
    Map<String, String> secrets,
    Clock clock,
    PrintStream log) {

  public static final int DEFAULT_PORT = 3000;
  public static final String DEFAULT_STACK_NAME = "tender-local";

  public static LocalGatewayOptions defaults(Path template) {
    return new LocalGatewayOptions(template, DEFAULT_PORT, DEFAULT_STACK_NAME, Map.of(), Map.of(),
        Clock.systemUTC(), System.out);
  }

  public LocalGatewayOptions withPort(int port) {
    return new LocalGatewayOptions(template, port, stackName, parameters, secrets, clock, log);
  }

  public LocalGatewayOptions withSecrets(Map<String, String> secrets) {
    return new LocalGatewayOptions(template, port, stackName, parameters, Map.copyOf(secrets), clock, log);
  }

  /** The runner's clock, which its schedules, its events and the functions it hosts all read. */
  public LocalGatewayOptions withClock(Clock clock) {
    return new LocalGatewayOptions(template, port, stackName, parameters, secrets, clock, log);
  }

  public LocalGatewayOptions withParameters(Map<String, String> parameters) {
    return new LocalGatewayOptions(template, port, stackName, Map.copyOf(parameters), secrets, clock, log);
  }

  /**
   * Reads {@code --template FILE}, {@code --port N}, {@code --stack-name NAME} and
   * {@code --parameter Key=Value} (repeatable). Anything else is refused with a usage line.
   */
  public static LocalGatewayOptions parse(List<String> args) {
    LocalGatewayOptions options = defaults(Path.of("template.yaml"));
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(flag + " needs a value. " + USAGE);
      }
      String value = args.get(++i);
      options = switch (flag) {
        case "--template" -> new LocalGatewayOptions(Path.of(value), options.port(), options.stackName(),
            options.parameters(), options.secrets(), options.clock(), options.log());
        case "--port" -> options.withPort(port(value));
        case "--stack-name" -> new LocalGatewayOptions(options.template(), options.port(), value,
            options.parameters(), options.secrets(), options.clock(), options.log());
        case "--parameter" -> {
          int equals = value.indexOf('=');
          if (equals < 1) {
            throw new IllegalArgumentException("--parameter takes Key=Value, not " + value);
          }
          parameters.put(value.substring(0, equals), value.substring(equals + 1));
          yield options;
        }
        default -> throw new IllegalArgumentException("unknown option " + flag + ". " + USAGE);
      };
    }
    return options.withParameters(parameters);
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port takes 0 to 65535, not " + value);
    }
  }

  static final String USAGE =
      "Usage: [--template template.yaml] [--port 3000] [--stack-name tender-local] [--parameter Key=Value]...";
}
