package io.tender.local.sandbox.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class FormParamsTest {
  @Test
  void bracketsBecomeNestedObjectsAndArrays() {
    JsonNode form = FormParams.parse("line_items[0][price_data][currency]=usd"
        + "&line_items[1][quantity]=2&line_items[0][quantity]=1"
        + "&metadata[tender_payment_id]=pay_1&payment_method_types[]=card&payment_method_types[]=link"
        + "&success_url=https%3A%2F%2Fm.example%2Fok%3Fa%3D1+2");

    assertThat(form.at("/line_items/0/price_data/currency").asText()).isEqualTo("usd");
    assertThat(form.at("/line_items/0/quantity").asText()).isEqualTo("1");
    assertThat(form.at("/line_items/1/quantity").asText()).isEqualTo("2");
    assertThat(form.at("/metadata/tender_payment_id").asText()).isEqualTo("pay_1");
    assertThat(form.get("payment_method_types")).hasSize(2);
    assertThat(form.at("/payment_method_types/1").asText()).isEqualTo("link");
    assertThat(form.get("success_url").asText()).isEqualTo("https://m.example/ok?a=1 2");
  }

  @Test
  void theSameParametersInAnotherOrderParseEqual() {
    assertThat(FormParams.parse("a=1&b[x]=2&b[y]=3")).isEqualTo(FormParams.parse("b[y]=3&a=1&b[x]=2"));
    assertThat(FormParams.parse("a=1&b[x]=2")).isNotEqualTo(FormParams.parse("a=1&b[x]=3"));
  }

  @Test
  void malformedShapesAreRefused() {
    assertThatThrownBy(() -> FormParams.parse("a=1&a=2")).isInstanceOf(StripeError.class);
    assertThatThrownBy(() -> FormParams.parse("a=1&a[b]=2")).isInstanceOf(StripeError.class);
    assertThatThrownBy(() -> FormParams.parse("a[0]=1&a[2]=2")).isInstanceOf(StripeError.class);
    assertThatThrownBy(() -> FormParams.parse("a[b=1")).isInstanceOf(StripeError.class);
    assertThatThrownBy(() -> FormParams.parse("a=%zz")).isInstanceOf(StripeError.class);
  }

  @Test
  void anEmptyBodyIsNoParameters() {
    assertThat(FormParams.parse("")).isEmpty();
    assertThat(FormParams.parse(null)).isEmpty();
  }
}
