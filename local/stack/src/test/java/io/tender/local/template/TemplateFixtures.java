package io.tender.local.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The test templates under {@code src/test/resources/templates} and the naming they run with. */
final class TemplateFixtures {
  static final LocalNaming NAMING =
      new LocalNaming(
          "tender-local", "eu-west-1", "000000000000", URI.create("http://localhost:9324"));

  private TemplateFixtures() {}

  static Path path(String name) {
    URL url = TemplateFixtures.class.getResource("/templates/" + name);
    if (url == null) {
      throw new IllegalArgumentException("No test template " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(String name) {
    try {
      return Files.readString(path(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static StackTemplate load(String name) {
    return load(name, Map.of());
  }

  static StackTemplate load(String name, Map<String, String> overrides) {
    return TemplateLoader.load(path(name), NAMING, overrides);
  }
}
