package io.tender.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every intrinsic function, resolved in the environment of the function in intrinsics.yaml. */
class TemplateIntrinsicsTest {
  private static final String ACCOUNT = "000000000000";

  private static Map<String, String> environment(Map<String, String> overrides) {
    return TemplateFixtures.load("intrinsics.yaml", overrides).functions().get("Fn").environment();
  }

  @Test
  void resolvesPseudoParameters() {
    assertThat(environment(Map.of()))
        .contains(
            entry("REGION", "eu-west-1"),
            entry("ACCOUNT", ACCOUNT),
            entry("STACK", "tender-local"),
            entry(
                "STACK_ID",
                "arn:aws:cloudformation:eu-west-1:" + ACCOUNT + ":stack/tender-local/local"),
            entry("PARTITION", "aws"),
            entry("URL_SUFFIX", "amazonaws.com"));
  }

  @Test
  void resolvesSubInBothForms() {
    assertThat(environment(Map.of()))
        .contains(
            entry("SUB_PSEUDO", "aws:eu-west-1:" + ACCOUNT),
            entry("SUB_ESCAPED", "${Stage} is dev"),
            entry(
                "SUB_VARIABLES",
                "443/tender-local-Table/arn:aws:secretsmanager:eu-west-1:"
                    + ACCOUNT
                    + ":secret:tender-local-Secret"),
            entry(
                "SUB_ATTRIBUTE",
                "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/tender-local-Table"),
            entry("SUB_OTHER_TYPE", "Role|arn:aws:local:::Role/Arn"),
            entry("SUB_NO_VARIABLES", "plain text"));
  }

  @Test
  void resolvesListFunctions() {
    assertThat(environment(Map.of()))
        .contains(
            entry("JOIN", "adev1"),
            entry("JOIN_LIST_PARAMETER", "80:443"),
            entry("SELECT_SPLIT", "c"),
            entry("SELECT_INDEX_AS_TEXT", "one"),
            entry("FIND_IN_MAP", "euw1"),
            entry("BASE64", "dGVuZGVy"),
            entry("GET_AZS", "eu-west-1a"),
            entry("LONG_FORM", "dev-x"),
            entry(
                "GETATT_LONG_FORM_TEXT",
                "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/tender-local-Table"));
  }

  @Test
  void resolvesRefsToParametersAndResourcesOfOtherTypes() {
    assertThat(environment(Map.of()))
        .contains(
            entry("REF_OTHER_TYPE", "Role"),
            entry(
                "REF_SECRET",
                "arn:aws:secretsmanager:eu-west-1:" + ACCOUNT + ":secret:tender-local-Secret"),
            entry("OWNER", "payments-team"));
  }

  @Test
  void evaluatesConditionsWithDefaults() {
    assertThat(environment(Map.of()))
        .contains(
            entry("IF_AND", "and-true"),
            entry("IF_OR", "or-true"),
            entry("IF_LONG_FORM_CONDITIONS", "long-false"),
            entry("IF_NESTED", "nested-true"));
  }

  @Test
  void evaluatesConditionsWithOverrides() {
    assertThat(environment(Map.of("Stage", "prod")))
        .contains(
            entry("IF_AND", "and-false"),
            entry("IF_OR", "or-true"),
            entry("IF_LONG_FORM_CONDITIONS", "long-false"),
            entry("IF_NESTED", "outer-false"),
            entry("JOIN", "aprod1"));
  }

  @Test
  void evaluatesConditionsAgainstTheLocalRegion() {
    LocalNaming usEast =
        new LocalNaming(
            "tender-local", "us-east-1", ACCOUNT, TemplateFixtures.NAMING.sqsEndpoint());
    Map<String, String> environment =
        TemplateLoader.load(TemplateFixtures.path("intrinsics.yaml"), usEast, Map.of())
            .functions()
            .get("Fn")
            .environment();
    assertThat(environment)
        .contains(
            entry("IF_AND", "and-false"),
            entry("IF_OR", "or-false"),
            entry("IF_LONG_FORM_CONDITIONS", "long-true"),
            entry("IF_NESTED", "nested-false"),
            entry("FIND_IN_MAP", "use1"),
            entry("GET_AZS", "us-east-1a"));
  }

  @Test
  void listParameterOverridesAreSplitAtCommas() {
    assertThat(environment(Map.of("Ports", "8080,8443,9000")))
        .contains(entry("JOIN_LIST_PARAMETER", "8080:8443:9000"))
        .hasEntrySatisfying("SUB_VARIABLES", value -> assertThat(value).startsWith("8443/"));
  }
}
