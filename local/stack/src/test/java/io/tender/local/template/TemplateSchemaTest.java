package io.tender.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Templates checked against AWS's JSON Schema for SAM, through {@link SamSchema}. */
class TemplateSchemaTest {

  private static List<String> validate(String fixture) {
    return SamSchema.validate(TemplateFixtures.path(fixture));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sample.yaml",
        "intrinsics.yaml",
        "globals.yaml",
        "schema/intrinsics-everywhere.yaml"
      })
  void validTemplatesHaveNoMessages(String fixture) {
    assertThat(validate(fixture)).isEmpty();
  }

  @Test
  void misspelledFunctionProperty() {
    assertThat(validate("schema/misspelled-property.yaml"))
        .containsExactly(
            "$.Resources.ApiFunction.Properties: property 'Handlr' is not defined in the schema"
                + " and the schema does not allow additional properties");
  }

  @Test
  void numberWhereTheSchemaWantsAString() {
    assertThat(validate("schema/wrong-type.yaml"))
        .containsExactly(
            "$.Resources.ApiFunction.Properties.Events.GetPayment.Properties.Path:"
                + " integer found, string expected");
  }

  @Test
  void propertyGlobalsDoNotSupport() {
    assertThat(validate("schema/globals-unknown-property.yaml"))
        .containsExactly(
            "$.Globals.Function: property 'FunctionName' is not defined in the schema"
                + " and the schema does not allow additional properties");
  }

  @Test
  void unknownEventTypeListsTheKnownOnes() {
    assertThat(validate("schema/unknown-event-type.yaml"))
        .isNotEmpty()
        .allMatch(
            message ->
                message.startsWith("$.Resources.ApiFunction.Properties.Events.GetPayment.Type:"))
        .contains(
            "$.Resources.ApiFunction.Properties.Events.GetPayment.Type:"
                + " does not have a value in the enumeration [\"HttpApi\"]");
  }

  /**
   * SAM itself takes HttpApi's Description only as a string and a Schedule's Enabled only as a
   * boolean (its translator types them so); the schema agrees and rejects intrinsics there. Use a
   * Schedule's State with !If instead of Enabled.
   */
  @Test
  void intrinsicsWhereSamWantsLiterals() {
    assertThat(validate("schema/intrinsics-where-sam-wants-literals.yaml"))
        .containsExactlyInAnyOrder(
            "$.Resources.PaymentsApi.Properties.Description: object found, string expected",
            "$.Resources.ReconcileFunction.Properties.Events.Nightly.Properties.Enabled:"
                + " object found, boolean expected");
  }

  /**
   * Properties SAM passes through to CloudFormation (Runtime, Handler, Timeout, MemorySize, ...)
   * are untyped in sam.schema.json: only CloudFormation's own resource schema types them. This pins
   * that limit, so that a schema update that starts checking them is noticed.
   */
  @Test
  void passThroughPropertiesAreNotTypeChecked() {
    assertThat(validate("schema/runtime-number.yaml")).isEmpty();
  }
}
