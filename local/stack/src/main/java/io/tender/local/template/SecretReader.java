package io.tender.local.template;

import java.util.Optional;

/** Reads an {@code AWS::SecretsManager::Secret}. */
final class SecretReader {
  /** Secrets Manager's own default length for generated secrets. */
  static final int DEFAULT_PASSWORD_LENGTH = 32;

  private SecretReader() {}

  static SecretSpec read(DeclaredResource secret, Stack stack) {
    Props props = stack.properties(secret);
    Optional<String> secretString = props.string("SecretString");
    Optional<SecretSpec.Generated> generate =
        props.map("GenerateSecretString").map(SecretReader::generated);
    if (secretString.isPresent() && generate.isPresent()) {
      throw props.where().error("give either SecretString or GenerateSecretString, not both");
    }
    return new SecretSpec(secret.logicalId(), stack.physicalName(secret), secretString, generate);
  }

  private static SecretSpec.Generated generated(Props props) {
    Optional<String> template = props.string("SecretStringTemplate");
    Optional<String> key = props.string("GenerateStringKey");
    // Secrets Manager needs both to know where the generated value goes, or neither.
    if (template.isPresent() != key.isPresent()) {
      throw props
          .where()
          .error("SecretStringTemplate and GenerateStringKey must be given together");
    }
    return new SecretSpec.Generated(
        template,
        key,
        props.integer("PasswordLength", DEFAULT_PASSWORD_LENGTH),
        props.string("ExcludeCharacters").orElse(""),
        props.bool("ExcludePunctuation", false),
        props.bool("ExcludeNumbers", false),
        props.bool("ExcludeUppercase", false),
        props.bool("ExcludeLowercase", false),
        props.bool("IncludeSpace", false));
  }
}
