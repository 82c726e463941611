package io.tender.functions.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tender.adapter.http.ApiPipeline;
import io.tender.adapter.http.ApiResult;
import io.tender.adapter.http.ErrorFamily;
import io.tender.adapter.http.Route;
import io.tender.adapter.json.Json;
import io.tender.adapter.log.JsonLog;
import io.tender.core.checkout.CreateCheckoutSession;
import io.tender.core.error.ApiException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The create route reads plain bodies by hand and leaves the rest to the mapper: every body, plain
 * or not, is answered byte for byte as the mapper alone answers it, refusals included.
 */
class CreateCheckoutSessionBodyTest {
  private static final Route ROUTE = Route.open("POST /test/checkout", ErrorFamily.PLATFORM);
  // An open route without a rate limit or an Idempotency-Key reaches none of the other parts.
  private static final ApiPipeline PIPELINE = new ApiPipeline(null, null, null, null, null, null, Clock.systemUTC(),
      new JsonLog("test", Clock.systemUTC(), new PrintStream(OutputStream.nullOutputStream())));

  private static final List<String> FIELDS =
      List.of("amount", "currency", "reference", "methodTypes", "successUrl", "cancelUrl", "unexpected");
  private static final List<String> VALUES = List.of("1999", "0", "-1", "9223372036854775807",
      "9223372036854775808", "99999999999999999999999", "1.5", "100.0", "1e3", "-0", "null", "true", "false",
      "\"USD\"", "\"usd\"", "\"\"", "\"   \"", "\"1999\"", "\"1e3\"", "\"x\"", "\"order-1\"", "\"\\u0000\"",
      "\"\\u202e\\u0007\"", "\"\uD83D\uDCB3\"", "\"" + "r".repeat(129) + "\"", "\"https://shop.test/success\"",
      "\"http://shop.test/c?x=1\"", "\"ftp://shop.test\"", "\"https://\"", "\"/relative\"", "[]", "[\"card\"]",
      "[\"card\",\"link\"]", "[\"card\",null]", "[null]", "[1]", "[true]", "[[]]", "[{}]", "[\"CARD\"]",
      "[\"card\",\"card\",\"card\",\"card\",\"card\",\"card\",\"card\",\"card\",\"card\",\"card\",\"card\"]", "{}",
      "{\"$gt\":\"\"}", "\"card\"");

  @Test
  void aTypicalBodyIsReadByHandIntoTheRecordTheMapperBinds() throws Exception {
    String body = "{\"amount\":1999,\"currency\":\"USD\",\"reference\":\"cold-1\",\"methodTypes\":[\"card\"],"
        + "\"successUrl\":\"https://shop.test/success\",\"cancelUrl\":\"https://shop.test/cancel\"}";

    assertThat(CreateCheckoutSessionHandler.fromJson((ObjectNode) Json.mapper().readTree(body)))
        .contains(Json.strictReader().readValue(body, CreateCheckoutSession.class));
  }

  @Test
  void everyBodyIsAnsweredAsTheMapperAnswersIt() {
    List<String> bodies = new ArrayList<>(List.of("", " ", "null", "true", "0", "\"x\"", "[]", "[{}]", "{}", "{",
        "{\"amount\":1999", "{\"amount\":1999}}", "{\"amount\":1999} {}", "{\"amount\":1999,}", "{amount:1}",
        "{\"amount\":1999,\"amount\":2000}", "{\"currency\":\"USD\",\"currency\":1}", "{\"unexpected\":1} x",
        "{\"amount\":\"x\", nonsense", "{\"unexpected\":1, nonsense", "{\"methodTypes\":" + "[".repeat(2000)));
    Random random = new Random(20261123);
    for (int i = 0; i < 4000; i++) {
      bodies.add(drawn(random));
    }
    int readByHand = 0;
    for (String body : bodies) {
      readByHand += readByHand(body) ? 1 : 0;
      APIGatewayV2HTTPResponse byHand = answer(body, true);
      APIGatewayV2HTTPResponse byMapper = answer(body, false);
      assertThat(byHand.getStatusCode()).as(body).isEqualTo(byMapper.getStatusCode());
      assertThat(byHand.getBody()).as(body).isEqualTo(byMapper.getBody());
    }
    // Both ways are compared: many bodies are read by hand, many are left to the mapper.
    assertThat(readByHand).isBetween(bodies.size() / 10, bodies.size() * 9 / 10);
  }

  private static boolean readByHand(String body) {
    try {
      return Json.mapper().readTree(body) instanceof ObjectNode object
          && CreateCheckoutSessionHandler.fromJson(object).isPresent();
    } catch (ApiException refusedByTheRecord) {
      return true;
    } catch (java.io.IOException unreadable) {
      return false;
    }
  }

  /** An object of some of the fields, in any order, now and then duplicated, cut short or followed by more. */
  private static String drawn(Random random) {
    List<String> fields = new ArrayList<>(FIELDS.subList(0, 6));
    Collections.shuffle(fields, random);
    fields = new ArrayList<>(fields.subList(0, random.nextInt(7)));
    if (random.nextInt(8) == 0) {
      fields.add(random.nextInt(fields.size() + 1), FIELDS.get(random.nextInt(FIELDS.size())));
    }
    StringBuilder body = new StringBuilder("{");
    for (String field : fields) {
      String value = random.nextInt(3) == 0 ? VALUES.get(random.nextInt(VALUES.size())) : plain(field, random);
      body.append(body.length() > 1 ? "," : "").append('"').append(field).append("\":").append(value);
    }
    body.append('}');
    return switch (random.nextInt(20)) {
      case 0 -> body.substring(0, random.nextInt(body.length()));
      case 1 -> body + " {}";
      default -> body.toString();
    };
  }

  private static String plain(String field, Random random) {
    return switch (field) {
      case "amount" -> Integer.toString(random.nextInt(100_000));
      case "currency" -> random.nextBoolean() ? "\"USD\"" : "\"EUR\"";
      case "reference" -> "\"order-" + random.nextInt(1000) + "\"";
      case "methodTypes" -> random.nextBoolean() ? "[\"card\"]" : "[]";
      case "successUrl" -> "\"https://shop.test/success\"";
      case "cancelUrl" -> "\"https://shop.test/cancel\"";
      default -> "1";
    };
  }

  private static APIGatewayV2HTTPResponse answer(String body, boolean byHand) {
    return PIPELINE.handle(event(body), null, ROUTE, call -> ApiResult.ok((byHand
        ? call.body(CreateCheckoutSession.class, CreateCheckoutSessionHandler::fromJson)
        : call.body(CreateCheckoutSession.class)).toString()));
  }

  private static APIGatewayV2HTTPEvent event(String body) {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setHeaders(Map.of("content-type", "application/json"));
    event.setBody(body);
    event.setRawPath("/test/checkout");
    event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-1")
        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withSourceIp("10.0.0.1")
            .build())
        .build());
    return event;
  }
}
