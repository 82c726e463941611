package io.tender.local.provision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tender.local.template.SecretSpec;
import java.io.IOException;
import java.util.random.RandomGenerator;

/** Makes a secret's first value as CloudFormation's {@code GenerateSecretString} does. */
public final class SecretGenerator {
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String DIGITS = "0123456789";
  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RandomGenerator random;

  public SecretGenerator(RandomGenerator random) {
    this.random = random;
  }

  public String generate(SecretSpec.Generated spec) {
    String value = randomString(spec);
    if (spec.secretStringTemplate().isPresent() && spec.generateStringKey().isPresent()) {
      try {
        ObjectNode template = (ObjectNode) JSON.readTree(spec.secretStringTemplate().get());
        template.put(spec.generateStringKey().get(), value);
        return JSON.writeValueAsString(template);
      } catch (IOException | ClassCastException e) {
        throw new IllegalArgumentException("SecretStringTemplate is not a JSON object", e);
      }
    }
    return value;
  }

  private String randomString(SecretSpec.Generated spec) {
    StringBuilder alphabet = new StringBuilder();
    if (!spec.excludeLowercase()) alphabet.append(LOWER);
    if (!spec.excludeUppercase()) alphabet.append(UPPER);
    if (!spec.excludeNumbers()) alphabet.append(DIGITS);
    if (!spec.excludePunctuation()) alphabet.append(PUNCTUATION);
    if (spec.includeSpace()) alphabet.append(' ');
    String allowed = alphabet.chars()
        .filter(c -> spec.excludeCharacters().indexOf(c) < 0)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    if (allowed.isEmpty()) {
      throw new IllegalArgumentException("GenerateSecretString excludes every character");
    }
    StringBuilder value = new StringBuilder(spec.length());
    for (int i = 0; i < spec.length(); i++) {
      value.append(allowed.charAt(random.nextInt(allowed.length())));
    }
    return value.toString();
  }
}
