package io.tender.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CloudFormation short-form tags read into their long forms. */
class TemplateYamlTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String fixture) {
    return (Map<String, Object>) CloudFormationYaml.parse(TemplateFixtures.text("yaml/" + fixture));
  }

  private final Map<String, Object> shortForms = parse("short-forms.yaml");

  @Test
  void refAndConditionTakeTheName() {
    assertThat(shortForms.get("Ref")).isEqualTo(Map.of("Ref", "Stage"));
    assertThat(shortForms.get("Condition")).isEqualTo(Map.of("Condition", "IsProd"));
  }

  @Test
  void getAttSplitsAtTheFirstDotOnly() {
    assertThat(shortForms.get("GetAttDotted"))
        .isEqualTo(Map.of("Fn::GetAtt", List.of("Database", "Endpoint.Address")));
    assertThat(shortForms.get("GetAttList"))
        .isEqualTo(Map.of("Fn::GetAtt", List.of("Queue", "Arn")));
  }

  @Test
  void subInBothForms() {
    assertThat(shortForms.get("Sub")).isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}-queue"));
    assertThat(shortForms.get("SubWithVariables"))
        .isEqualTo(
            Map.of("Fn::Sub", List.of("${Name}-queue", Map.of("Name", Map.of("Ref", "Stage")))));
  }

  @Test
  void functionTagsBecomeFnNames() {
    Map<String, Object> ref = Map.of("Ref", "Stage");
    Map<String, Object> isProd = Map.of("Condition", "IsProd");
    assertThat(shortForms)
        .containsEntry("Join", Map.of("Fn::Join", List.of(",", List.of("a", Map.of("Ref", "B")))))
        .containsEntry("If", Map.of("Fn::If", List.of("IsProd", 5, Map.of("Ref", "AWS::NoValue"))))
        .containsEntry("Equals", Map.of("Fn::Equals", List.of(ref, "prod")))
        .containsEntry("Not", Map.of("Fn::Not", List.of(isProd)))
        .containsEntry(
            "And", Map.of("Fn::And", List.of(Map.of("Condition", "A"), Map.of("Condition", "B"))))
        .containsEntry(
            "Or", Map.of("Fn::Or", List.of(Map.of("Condition", "A"), Map.of("Condition", "B"))))
        .containsEntry("Select", Map.of("Fn::Select", List.of(0, Map.of("Fn::GetAZs", ""))))
        .containsEntry("Split", Map.of("Fn::Split", List.of(",", "a,b")))
        .containsEntry("FindInMap", Map.of("Fn::FindInMap", List.of("Stages", ref, "Rate")))
        .containsEntry("Base64", Map.of("Fn::Base64", "text"))
        .containsEntry("ImportValue", Map.of("Fn::ImportValue", "shared-topic"))
        .containsEntry("GetAZs", Map.of("Fn::GetAZs", "eu-west-1"))
        .containsEntry("Cidr", Map.of("Fn::Cidr", List.of("10.0.0.0/16", 4, 8)))
        .containsEntry("Nested", Map.of("Fn::Base64", Map.of("Fn::Sub", "${Stage}")));
  }

  @Test
  void keepsPlainValuesAndReadsKeysAndDatesAsText() {
    assertThat(shortForms.get("AWSTemplateFormatVersion")).isEqualTo("2010-09-09");
    assertThat(shortForms.get("200")).isEqualTo("numeric key");
    assertThat(shortForms.get("Plain")).isEqualTo(Arrays.asList(1, 2.5, true, null, "text"));
  }

  @Test
  void keepsDocumentOrder() {
    assertThat(shortForms.keySet()).startsWith("AWSTemplateFormatVersion", "Ref", "GetAttDotted");
  }

  @Test
  void unknownTagNamesTheLine() {
    assertThatThrownBy(() -> parse("unknown-tag.yaml"))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("Invalid YAML at line 5, column 18: ")
        .hasMessageContaining("!Reference");
  }

  @Test
  void getAttWithoutAttributeNamesTheLine() {
    assertThatThrownBy(() -> parse("getatt-without-attribute.yaml"))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "Invalid YAML at line 5, column 13: !GetAtt 'FnRole' is not of the form"
                + " LogicalId.Attribute");
  }

  @Test
  void neverCreatesJavaTypesNamedInTheDocument() {
    assertThatThrownBy(() -> parse("java-type.yaml"))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("Invalid YAML at line 1, column 12: ");
  }
}
