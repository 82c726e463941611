package io.tender.bench.coldstart.probe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The event a probe hands its handler, built from a properties file: the objects Lambda's runtime
 * would have deserialised (its own serialisers are the runtime's cost, not the function's).
 */
final class ProbeEvents {
  private ProbeEvents() {}

  static Object of(Properties spec) {
    return switch (spec.getProperty("event")) {
      case "http" -> http(spec);
      case "sqs" -> sqs(spec);
      default -> throw new IllegalArgumentException("unknown event kind " + spec.getProperty("event"));
    };
  }

  private static APIGatewayV2HTTPEvent http(Properties spec) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : spec.stringPropertyNames()) {
      if (name.startsWith("header.")) {
        headers.put(name.substring("header.".length()), spec.getProperty(name));
      }
    }
    Map<String, String> pathParameters = new LinkedHashMap<>();
    for (String name : spec.stringPropertyNames()) {
      if (name.startsWith("path.")) {
        pathParameters.put(name.substring("path.".length()), spec.getProperty(name));
      }
    }
    String method = spec.getProperty("method");
    String path = spec.getProperty("rawPath");
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(method + " " + spec.getProperty("route", path))
        .withRawPath(path)
        .withRawQueryString("")
        .withHeaders(headers)
        .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
        .withBody(spec.getProperty("body"))
        .withIsBase64Encoded(false)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withRequestId(spec.getProperty("requestId", "probe-request"))
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method).withPath(path).withProtocol("HTTP/1.1").withSourceIp("127.0.0.1")
                .withUserAgent("tender-bench").build())
            .withTimeEpoch(System.currentTimeMillis())
            .build())
        .build();
  }

  private static SQSEvent sqs(Properties spec) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId(spec.getProperty("messageId", "probe-message"));
    message.setBody(spec.getProperty("body"));
    message.setEventSource("aws:sqs");
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    return event;
  }
}
