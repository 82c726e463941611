package io.tender.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpApiResponsesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String INTERNAL_SERVER_ERROR = "{\"message\":\"Internal Server Error\"}";

  private static OutgoingResponse respond(String handlerOutputJson) throws Exception {
    return HttpApiResponses.toResponse(MAPPER.readTree(handlerOutputJson));
  }

  private static String text(OutgoingResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Nested
  class DeclaredResponse {
    @Test
    void usesStatusHeadersMultiValueHeadersCookiesAndBody() throws Exception {
      OutgoingResponse response =
          respond(
              """
              {
                "statusCode": 201,
                "headers": {"Content-Type": "application/json", "X-Request": "r1"},
                "multiValueHeaders": {"Vary": ["Origin", "Accept"]},
                "cookies": ["a=1; Path=/", "b=2; HttpOnly"],
                "body": "{\\"id\\":\\"é\\"}",
                "isBase64Encoded": false
              }
              """);

      assertThat(response.status()).isEqualTo(201);
      assertThat(response.headers())
          .containsExactly(
              Map.entry("Content-Type", "application/json"),
              Map.entry("X-Request", "r1"),
              Map.entry("Vary", "Origin"),
              Map.entry("Vary", "Accept"),
              Map.entry("set-cookie", "a=1; Path=/"),
              Map.entry("set-cookie", "b=2; HttpOnly"));
      assertThat(response.body()).isEqualTo("{\"id\":\"é\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void headerValuesAreSentAsIsCommasIncluded() throws Exception {
      OutgoingResponse response =
          respond(
              """
              {"statusCode": 200, "headers": {"Cache-Control": "no-cache, no-store", "X-Count": 5,
               "X-Flag": true, "X-Unset": null}}
              """);

      assertThat(response.headerValues("cache-control")).containsExactly("no-cache, no-store");
      assertThat(response.firstHeader("x-count")).contains("5");
      assertThat(response.firstHeader("x-flag")).contains("true");
      assertThat(response.headerValues("x-unset")).isEmpty();
    }

    @Test
    void decodesABase64Body() throws Exception {
      byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
      OutgoingResponse response =
          respond(
              """
              {"statusCode": 200, "headers": {"content-type": "image/png"},
               "body": "%s", "isBase64Encoded": true}
              """
                  .formatted(Base64.getEncoder().encodeToString(png)));

      assertThat(response.body()).isEqualTo(png);
    }

    @Test
    void leavesABase64LookingBodyAloneWhenNotFlagged() throws Exception {
      assertThat(text(respond("{\"statusCode\": 200, \"body\": \"aGk=\"}"))).isEqualTo("aGk=");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"statusCode\": 204}",
          "{\"statusCode\": 204, \"body\": null}",
          "{\"statusCode\": 204, \"body\": \"\"}",
          "{\"statusCode\": 204, \"body\": \"\", \"isBase64Encoded\": true}",
        })
    void anAbsentNullOrEmptyBodyIsEmpty(String output) throws Exception {
      OutgoingResponse response = respond(output);

      assertThat(response.status()).isEqualTo(204);
      assertThat(response.body()).isEmpty();
    }

    @Test
    void nullHeadersMultiValueHeadersCookiesAndFlagCountAsAbsent() throws Exception {
      OutgoingResponse response =
          respond(
              """
              {"statusCode": 200, "headers": null, "multiValueHeaders": null, "cookies": null,
               "isBase64Encoded": null, "body": "ok"}
              """);

      assertThat(response.status()).isEqualTo(200);
      assertThat(text(response)).isEqualTo("ok");
    }

    @Test
    void withoutAContentTypeApiGatewaySendsTextPlain() throws Exception {
      OutgoingResponse response = respond("{\"statusCode\": 200, \"body\": \"hello\"}");

      assertThat(response.headerValues("content-type"))
          .containsExactly("text/plain; charset=utf-8");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"statusCode\": 200, \"headers\": {\"CONTENT-TYPE\": \"text/csv\"}}",
          "{\"statusCode\": 200, \"multiValueHeaders\": {\"Content-Type\": [\"text/csv\"]}}",
        })
    void aDeclaredContentTypeIsKeptAndNotDoubled(String output) throws Exception {
      assertThat(respond(output).headerValues("content-type")).containsExactly("text/csv");
    }

    @Test
    void extraFieldsAreIgnored() throws Exception {
      OutgoingResponse response =
          respond("{\"statusCode\": 418, \"body\": \"teapot\", \"whatever\": {\"a\": 1}}");

      assertThat(response.status()).isEqualTo(418);
      assertThat(text(response)).isEqualTo("teapot");
    }
  }

  @Nested
  class InferredResponse {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"message\":\"Hello from Lambda!\"}",
          "\"Hello from Lambda!\"",
          "42",
          "true",
          "[1,\"two\",{\"three\":3}]",
          "{\"status\":200,\"body\":\"not a response\",\"headers\":{\"x\":\"y\"}}",
          "null",
        })
    void anythingWithoutStatusCodeIs200JsonWithTheOutputAsBody(String output) throws Exception {
      OutgoingResponse response = respond(output);

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.headers()).containsExactly(Map.entry("content-type", "application/json"));
      assertThat(text(response)).isEqualTo(output);
    }

    @Test
    void noOutputAtAllIs200JsonWithAnEmptyBody() {
      for (JsonNode none : new JsonNode[] {null, MissingNode.getInstance()}) {
        OutgoingResponse response = HttpApiResponses.toResponse(none);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers())
            .containsExactly(Map.entry("content-type", "application/json"));
        assertThat(response.body()).isEmpty();
      }
    }

    @Test
    void aJsonNullIsTheTextNull() {
      assertThat(text(HttpApiResponses.toResponse(NullNode.getInstance()))).isEqualTo("null");
    }
  }

  @Nested
  class MalformedResponse {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"statusCode\": \"200\"}",
          "{\"statusCode\": 200.5}",
          "{\"statusCode\": null}",
          "{\"statusCode\": true}",
          "{\"statusCode\": 0}",
          "{\"statusCode\": 99}",
          "{\"statusCode\": 600}",
          "{\"statusCode\": 4294967496}",
          "{\"statusCode\": 200, \"body\": \"not base64!\", \"isBase64Encoded\": true}",
          "{\"statusCode\": 200, \"body\": {\"an\": \"object\"}}",
          "{\"statusCode\": 200, \"body\": 12}",
          "{\"statusCode\": 200, \"isBase64Encoded\": \"yes\", \"body\": \"aGk=\"}",
          "{\"statusCode\": 200, \"headers\": [\"x\"]}",
          "{\"statusCode\": 200, \"headers\": {\"x\": {\"nested\": 1}}}",
          "{\"statusCode\": 200, \"multiValueHeaders\": {\"x\": \"not a list\"}}",
          "{\"statusCode\": 200, \"multiValueHeaders\": {\"x\": [[\"nested\"]]}}",
          "{\"statusCode\": 200, \"cookies\": \"a=1\"}",
        })
    void is500WithApiGatewaysMessage(String output) throws Exception {
      OutgoingResponse response = respond(output);

      assertThat(response.status()).isEqualTo(500);
      assertThat(response.headers()).containsExactly(Map.entry("content-type", "application/json"));
      assertThat(text(response)).isEqualTo(INTERNAL_SERVER_ERROR);
    }
  }

  @Test
  void theBoundaryStatusCodesAreAccepted() throws Exception {
    assertThat(
            List.of(
                respond("{\"statusCode\": 100}").status(),
                respond("{\"statusCode\": 599}").status()))
        .containsExactly(100, 599);
  }
}
