package io.tender.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tender.local.http.RouteMatch.Matched;
import io.tender.local.template.HttpRoute;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The events and responses must survive the serializers the Lambda Java runtime uses, since those
 * are what turn them into a handler's argument and back.
 */
class LambdaRuntimeSerializationTest {
  private static final ClassLoader LOADER = LambdaRuntimeSerializationTest.class.getClassLoader();
  private static final Instant NOW = Instant.parse("2020-03-12T19:03:58.390Z");

  private static APIGatewayV2HTTPEvent asRuntimeEvent(IncomingRequest request, Matched match) {
    String json =
        HttpApiRequestEvents.toEvent(request, match, "req-1", NOW, "local", "localhost").toString();
    return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, LOADER).fromJson(json);
  }

  @Test
  void theRuntimeReadsEveryFieldOfATextEvent() {
    IncomingRequest request =
        new IncomingRequest(
            "PUT",
            "/api/items/a%20b",
            "tag=x&tag=y",
            List.of(
                Map.entry("Content-Type", "application/json"),
                Map.entry("User-Agent", "curl/8"),
                Map.entry("Cookie", "s=1; t=2")),
            "{\"n\":1}".getBytes(StandardCharsets.UTF_8),
            "127.0.0.1",
            "HTTP/1.1");
    Matched match =
        new Matched("ItemFn", new HttpRoute("Put", "PUT", "/api/items/{id}"), Map.of("id", "a b"));

    APIGatewayV2HTTPEvent event = asRuntimeEvent(request, match);

    assertThat(event.getVersion()).isEqualTo("2.0");
    assertThat(event.getRouteKey()).isEqualTo("PUT /api/items/{id}");
    assertThat(event.getRawPath()).isEqualTo("/api/items/a%20b");
    assertThat(event.getRawQueryString()).isEqualTo("tag=x&tag=y");
    assertThat(event.getCookies()).containsExactly("s=1", "t=2");
    assertThat(event.getHeaders())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("content-type", "application/json", "user-agent", "curl/8"));
    assertThat(event.getQueryStringParameters()).containsExactly(Map.entry("tag", "x,y"));
    assertThat(event.getPathParameters()).containsExactly(Map.entry("id", "a b"));
    assertThat(event.getBody()).isEqualTo("{\"n\":1}");
    assertThat(event.getIsBase64Encoded()).isFalse();

    APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
    assertThat(context.getAccountId()).isEqualTo("123456789012");
    assertThat(context.getApiId()).isEqualTo("local");
    assertThat(context.getDomainName()).isEqualTo("localhost");
    assertThat(context.getDomainPrefix()).isEqualTo("localhost");
    assertThat(context.getRequestId()).isEqualTo("req-1");
    assertThat(context.getRouteKey()).isEqualTo("PUT /api/items/{id}");
    assertThat(context.getStage()).isEqualTo("$default");
    assertThat(context.getTime()).isEqualTo("12/Mar/2020:19:03:58 +0000");
    assertThat(context.getTimeEpoch()).isEqualTo(1584039838390L);
    assertThat(context.getHttp().getMethod()).isEqualTo("PUT");
    assertThat(context.getHttp().getPath()).isEqualTo("/api/items/a%20b");
    assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
    assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
    assertThat(context.getHttp().getUserAgent()).isEqualTo("curl/8");
  }

  @Test
  void theRuntimeSeesABinaryBodyAsBase64() {
    byte[] bytes = {0, 1, 2, (byte) 0xfe, (byte) 0xff};
    IncomingRequest request =
        new IncomingRequest(
            "POST",
            "/upload",
            "",
            List.of(Map.entry("Content-Type", "application/octet-stream")),
            bytes,
            "127.0.0.1",
            "HTTP/1.1");
    Matched match = new Matched("DefaultFn", new HttpRoute("Any", "ANY", "$default"), Map.of());

    APIGatewayV2HTTPEvent event = asRuntimeEvent(request, match);

    assertThat(event.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(bytes);
    assertThat(event.getRouteKey()).isEqualTo("$default");
    assertThat(event.getPathParameters()).isNull();
    assertThat(event.getQueryStringParameters()).isNull();
    assertThat(event.getCookies()).isNull();
  }

  @Test
  void aResponseTheRuntimeWritesMapsBack() throws Exception {
    byte[] bytes = {(byte) 0x89, 'P', 'N', 'G'};
    APIGatewayV2HTTPResponse handlerResult =
        APIGatewayV2HTTPResponse.builder()
            .withStatusCode(202)
            .withHeaders(Map.of("Content-Type", "image/png"))
            .withMultiValueHeaders(Map.of("Vary", List.of("Origin", "Accept")))
            .withCookies(List.of("a=1; Path=/"))
            .withBody(Base64.getEncoder().encodeToString(bytes))
            .withIsBase64Encoded(true)
            .build();

    OutgoingResponse response =
        HttpApiResponses.toResponse(new ObjectMapper().readTree(write(handlerResult)));

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.headerValues("content-type")).containsExactly("image/png");
    assertThat(response.headerValues("vary")).containsExactly("Origin", "Accept");
    assertThat(response.headerValues("set-cookie")).containsExactly("a=1; Path=/");
    assertThat(response.body()).isEqualTo(bytes);
  }

  @Test
  void aMinimalResponseTheRuntimeWritesMapsBack() throws Exception {
    APIGatewayV2HTTPResponse handlerResult =
        APIGatewayV2HTTPResponse.builder().withStatusCode(404).withBody("nope").build();

    OutgoingResponse response =
        HttpApiResponses.toResponse(new ObjectMapper().readTree(write(handlerResult)));

    assertThat(response.status()).isEqualTo(404);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("nope");
    assertThat(response.headerValues("set-cookie")).isEmpty();
  }

  private static byte[] write(APIGatewayV2HTTPResponse response) {
    PojoSerializer<APIGatewayV2HTTPResponse> serializer =
        LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, LOADER);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    serializer.toJson(response, out);
    return out.toByteArray();
  }
}
