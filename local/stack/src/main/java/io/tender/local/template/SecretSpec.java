package io.tender.local.template;

import java.util.Optional;

/**
 * An {@code AWS::SecretsManager::Secret}: its name and how its first value is made, either a
 * literal {@code SecretString} or {@code GenerateSecretString}.
 */
public record SecretSpec(
    String logicalId, String name, Optional<String> secretString, Optional<Generated> generate) {

  /**
   * {@code GenerateSecretString}: a random string of {@code length} characters, placed under
   * {@code generateStringKey} in the JSON {@code secretStringTemplate} when both are given.
   */
  public record Generated(
      Optional<String> secretStringTemplate,
      Optional<String> generateStringKey,
      int length,
      String excludeCharacters,
      boolean excludePunctuation,
      boolean excludeNumbers,
      boolean excludeUppercase,
      boolean excludeLowercase,
      boolean includeSpace) {}
}
