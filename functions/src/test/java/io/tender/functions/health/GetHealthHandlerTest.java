package io.tender.functions.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;

class GetHealthHandlerTest {

  @Test
  void answersOkWithTheBuiltVersion() {
    APIGatewayV2HTTPResponse response =
        new GetHealthHandler().handleRequest(new APIGatewayV2HTTPEvent(), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
    assertThat(response.getBody())
        .contains("\"status\":\"ok\"")
        .contains("\"service\":\"tender\"")
        .containsPattern("\"version\":\"\\d+\\.\\d+\\.\\d+[^\"]*\"")
        .doesNotContain("${");
  }
}
