package io.tender.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tender.local.http.RouteMatch.Matched;
import io.tender.local.template.HttpRoute;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpApiRequestEventsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2020-03-12T19:03:58.390Z");
  private static final Matched GET_ITEM =
      new Matched(
          "ItemFn", new HttpRoute("GetItem", "GET", "/api/items/{id}"), Map.of("id", "a b"));
  private static final Matched DEFAULT =
      new Matched("DefaultFn", new HttpRoute("Catch", "ANY", "$default"), Map.of());

  /** A request with a fixed method, path and origin; only headers, query and body vary. */
  private static final class RequestBuilder {
    private String method = "GET";
    private String rawPath = "/api/items/a%20b";
    private String rawQueryString = "";
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private byte[] body = new byte[0];

    RequestBuilder method(String value) {
      method = value;
      return this;
    }

    RequestBuilder path(String value) {
      rawPath = value;
      return this;
    }

    RequestBuilder query(String value) {
      rawQueryString = value;
      return this;
    }

    RequestBuilder header(String name, String value) {
      headers.add(Map.entry(name, value));
      return this;
    }

    RequestBuilder body(byte[] value) {
      body = value;
      return this;
    }

    RequestBuilder body(String value) {
      return body(value.getBytes(StandardCharsets.UTF_8));
    }

    IncomingRequest build() {
      return new IncomingRequest(
          method, rawPath, rawQueryString, headers, body, "127.0.0.1", "HTTP/1.1");
    }
  }

  private static RequestBuilder request() {
    return new RequestBuilder();
  }

  private static ObjectNode event(RequestBuilder request) {
    return event(request, GET_ITEM);
  }

  private static ObjectNode event(RequestBuilder request, Matched match) {
    return HttpApiRequestEvents.toEvent(request.build(), match, "req-1", NOW, "local", "localhost");
  }

  @Test
  void buildsTheWholePayloadFormat20Event() throws Exception {
    ObjectNode event =
        event(
            request()
                .method("POST")
                .query("verbose=true&tag=a&tag=b")
                .header("Host", "localhost:3000")
                .header("User-Agent", "curl/8.5.0")
                .header("Content-Type", "application/json")
                .header("Cookie", "session=abc; theme=dark")
                .header("X-Trace", "one")
                .header("x-trace", "two")
                .body("{\"name\":\"widget\"}"));

    JsonNode expected =
        MAPPER.readTree(
            """
            {
              "version": "2.0",
              "routeKey": "GET /api/items/{id}",
              "rawPath": "/api/items/a%20b",
              "rawQueryString": "verbose=true&tag=a&tag=b",
              "cookies": ["session=abc", "theme=dark"],
              "headers": {
                "host": "localhost:3000",
                "user-agent": "curl/8.5.0",
                "content-type": "application/json",
                "x-trace": "one,two"
              },
              "queryStringParameters": {"verbose": "true", "tag": "a,b"},
              "requestContext": {
                "accountId": "123456789012",
                "apiId": "local",
                "domainName": "localhost",
                "domainPrefix": "localhost",
                "http": {
                  "method": "POST",
                  "path": "/api/items/a%20b",
                  "protocol": "HTTP/1.1",
                  "sourceIp": "127.0.0.1",
                  "userAgent": "curl/8.5.0"
                },
                "requestId": "req-1",
                "routeKey": "GET /api/items/{id}",
                "stage": "$default",
                "time": "12/Mar/2020:19:03:58 +0000",
                "timeEpoch": 1584039838390
              },
              "body": "{\\"name\\":\\"widget\\"}",
              "pathParameters": {"id": "a b"},
              "isBase64Encoded": false
            }
            """);
    assertThat(event).isEqualTo(expected);
  }

  @Test
  void writesFieldsInTheOrderOfAwsDocumentation() {
    ObjectNode event =
        event(
            request()
                .query("a=1")
                .header("Cookie", "c=1")
                .header("Content-Type", "text/plain")
                .body("x"));

    assertThat(event.fieldNames())
        .toIterable()
        .containsExactly(
            "version",
            "routeKey",
            "rawPath",
            "rawQueryString",
            "cookies",
            "headers",
            "queryStringParameters",
            "requestContext",
            "body",
            "pathParameters",
            "isBase64Encoded");
  }

  @Test
  void aMinimalRequestOmitsCookiesQueryParametersPathParametersAndBody() {
    ObjectNode event = event(request().path("/elsewhere"), DEFAULT);

    assertThat(event.has("cookies")).isFalse();
    assertThat(event.has("queryStringParameters")).isFalse();
    assertThat(event.has("pathParameters")).isFalse();
    assertThat(event.has("body")).isFalse();
    assertThat(event.get("rawQueryString").textValue()).isEmpty();
    assertThat(event.get("isBase64Encoded").booleanValue()).isFalse();
    assertThat(event.get("headers").isObject()).isTrue();
    assertThat(event.get("headers").isEmpty()).isTrue();
  }

  @Test
  void theDefaultRouteIsNamedDollarDefaultInBothRouteKeys() {
    ObjectNode event = event(request().path("/elsewhere"), DEFAULT);

    assertThat(event.get("routeKey").textValue()).isEqualTo("$default");
    assertThat(event.at("/requestContext/routeKey").textValue()).isEqualTo("$default");
    assertThat(event.get("rawPath").textValue()).isEqualTo("/elsewhere");
  }

  @Nested
  class Headers {
    @Test
    void namesAreLowerCasedAndRepeatsJoinedWithACommaInFirstSeenOrder() {
      ObjectNode event =
          event(
              request()
                  .header("Accept", "text/html")
                  .header("X-Custom", "1")
                  .header("ACCEPT", "application/json")
                  .header("accept", "*/*"));

      assertThat(event.get("headers"))
          .isEqualTo(
              MAPPER
                  .createObjectNode()
                  .put("accept", "text/html,application/json,*/*")
                  .put("x-custom", "1"));
      assertThat(event.get("headers").fieldNames())
          .toIterable()
          .containsExactly("accept", "x-custom");
    }

    @Test
    void valuesKeepTheirCase() {
      assertThat(event(request().header("X-Token", "AbC")).at("/headers/x-token").textValue())
          .isEqualTo("AbC");
    }

    @Test
    void theUserAgentIsCopiedIntoTheRequestContextOrEmpty() {
      assertThat(
              event(request().header("USER-AGENT", "test/1")).at("/requestContext/http/userAgent"))
          .isEqualTo(MAPPER.getNodeFactory().textNode("test/1"));
      assertThat(event(request()).at("/requestContext/http/userAgent").textValue()).isEmpty();
    }
  }

  @Nested
  class Cookies {
    @Test
    void everyCookieHeaderIsSplitAndLeftOutOfHeaders() {
      ObjectNode event =
          event(
              request()
                  .header("Cookie", "a=1; b=2")
                  .header("cookie", "c=3")
                  .header("Accept", "*/*"));

      assertThat(event.get("cookies"))
          .isEqualTo(MAPPER.createArrayNode().add("a=1").add("b=2").add("c=3"));
      assertThat(event.get("headers")).isEqualTo(MAPPER.createObjectNode().put("accept", "*/*"));
    }

    @Test
    void cookieValuesAreNotDecoded() {
      assertThat(event(request().header("Cookie", "q=a%20b")).get("cookies").get(0).textValue())
          .isEqualTo("q=a%20b");
    }
  }

  @Nested
  class QueryString {
    @Test
    void keysAndValuesAreDecodedAndRepeatsJoinedWithACommaWhileTheRawQueryStaysRaw() {
      ObjectNode event =
          event(request().query("q=caf%C3%A9+au+lait&k%20x=1&k%20x=2&flag&=&&x=a=b"));

      assertThat(event.get("rawQueryString").textValue())
          .isEqualTo("q=caf%C3%A9+au+lait&k%20x=1&k%20x=2&flag&=&&x=a=b");
      JsonNode parameters = event.get("queryStringParameters");
      assertThat(parameters.get("q").textValue()).isEqualTo("café au lait");
      assertThat(parameters.get("k x").textValue()).isEqualTo("1,2");
      assertThat(parameters.get("flag").textValue()).isEmpty();
      assertThat(parameters.get("x").textValue()).isEqualTo("a=b");
      // "=" has no key and is dropped; the empty pair between "&&" too.
      assertThat(parameters.fieldNames()).toIterable().containsExactly("q", "k x", "flag", "x");
    }

    @Test
    void anEncodedPlusStaysAPlus() {
      assertThat(event(request().query("sum=1%2B1")).at("/queryStringParameters/sum").textValue())
          .isEqualTo("1+1");
    }
  }

  @Nested
  class Body {
    private ObjectNode withBody(String contentType, byte[] body) {
      return event(request().method("POST").header("Content-Type", contentType).body(body));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "application/json",
          "application/json; charset=utf-8",
          "Application/JSON",
          "application/problem+json",
          "application/vnd.api+json",
          "application/xml",
          "application/soap+xml",
          "application/javascript",
          "text/plain",
          "text/html; charset=UTF-8",
          "text/csv",
        })
    void textLikeContentIsPassedAsIs(String contentType) {
      ObjectNode event =
          withBody(contentType, "{\"é\": \"<ok>\"}".getBytes(StandardCharsets.UTF_8));

      assertThat(event.get("body").textValue()).isEqualTo("{\"é\": \"<ok>\"}");
      assertThat(event.get("isBase64Encoded").booleanValue()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "application/x-www-form-urlencoded",
          "application/octet-stream",
          "multipart/form-data; boundary=x",
          "image/png",
          "application/pdf",
          "application/jsonl",
        })
    void everythingElseIsBase64(String contentType) {
      byte[] body = "name=widget&size=2".getBytes(StandardCharsets.UTF_8);
      ObjectNode event = withBody(contentType, body);

      assertThat(event.get("body").textValue()).isEqualTo(Base64.getEncoder().encodeToString(body));
      assertThat(event.get("isBase64Encoded").booleanValue()).isTrue();
    }

    @Test
    void binaryBytesSurviveTheRoundTrip() {
      byte[] body = new byte[256];
      for (int i = 0; i < body.length; i++) {
        body[i] = (byte) i;
      }
      ObjectNode event = withBody("application/octet-stream", body);

      assertThat(Base64.getDecoder().decode(event.get("body").textValue())).isEqualTo(body);
    }

    @Test
    void aBodyWithoutContentTypeIsBase64() {
      ObjectNode event = event(request().method("POST").body("plain words"));

      assertThat(event.get("body").textValue())
          .isEqualTo(
              Base64.getEncoder().encodeToString("plain words".getBytes(StandardCharsets.UTF_8)));
      assertThat(event.get("isBase64Encoded").booleanValue()).isTrue();
    }

    @Test
    void anEmptyBodyIsOmittedWhateverTheContentType() {
      ObjectNode event = withBody("application/octet-stream", new byte[0]);

      assertThat(event.has("body")).isFalse();
      assertThat(event.get("isBase64Encoded").booleanValue()).isFalse();
    }
  }

  @Nested
  class RequestContext {
    @Test
    void timeIsUtcWithEnglishMonthAndTimeEpochIsMillis() {
      ObjectNode event =
          HttpApiRequestEvents.toEvent(
              request().build(),
              GET_ITEM,
              "req-2",
              Instant.parse("2021-09-05T03:04:05.006Z"),
              "local",
              "localhost");

      assertThat(event.at("/requestContext/time").textValue())
          .isEqualTo("05/Sep/2021:03:04:05 +0000");
      assertThat(event.at("/requestContext/timeEpoch").longValue()).isEqualTo(1630811045006L);
      assertThat(event.at("/requestContext/requestId").textValue()).isEqualTo("req-2");
    }

    @Test
    void theDomainPrefixIsTheFirstLabelOfTheDomainName() {
      ObjectNode event =
          HttpApiRequestEvents.toEvent(
              request().build(),
              GET_ITEM,
              "req-1",
              NOW,
              "abc123",
              "abc123.execute-api.us-east-1.amazonaws.com");

      assertThat(event.at("/requestContext/domainName").textValue())
          .isEqualTo("abc123.execute-api.us-east-1.amazonaws.com");
      assertThat(event.at("/requestContext/domainPrefix").textValue()).isEqualTo("abc123");
      assertThat(event.at("/requestContext/apiId").textValue()).isEqualTo("abc123");
    }

    @Test
    void methodPathProtocolAndSourceIpComeFromTheRequest() {
      IncomingRequest request =
          new IncomingRequest(
              "DELETE", "/api/items/x%2Fy", "", List.of(), new byte[0], "10.1.2.3", "HTTP/2.0");
      JsonNode http =
          HttpApiRequestEvents.toEvent(request, GET_ITEM, "r", NOW, "local", "localhost")
              .at("/requestContext/http");

      assertThat(http.get("method").textValue()).isEqualTo("DELETE");
      assertThat(http.get("path").textValue()).isEqualTo("/api/items/x%2Fy");
      assertThat(http.get("protocol").textValue()).isEqualTo("HTTP/2.0");
      assertThat(http.get("sourceIp").textValue()).isEqualTo("10.1.2.3");
    }
  }
}
