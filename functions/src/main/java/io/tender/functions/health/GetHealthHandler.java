package io.tender.functions.health;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tender.adapter.http.HttpResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@code GET /api/health}: liveness and the deployed version. It touches no table, so probing it
 * costs nothing and cannot fail because a dependency is slow.
 */
public final class GetHealthHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  record Health(String status, String service, String version) {}

  private final Health health;

  public GetHealthHandler() {
    this(buildVersion());
  }

  GetHealthHandler(String version) {
    this.health = new Health("ok", "tender", version);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return HttpResponses.json(200, health);
  }

  private static String buildVersion() {
    try (InputStream in = GetHealthHandler.class.getResourceAsStream("/io/tender/functions/build.properties")) {
      if (in == null) {
        throw new IllegalStateException("build.properties is missing from the function jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
