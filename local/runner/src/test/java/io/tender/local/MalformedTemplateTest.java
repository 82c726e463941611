package io.tender.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.local.template.TemplateException;
import io.tender.local.function.FunctionLoadException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A template the runner cannot serve stops it at start, naming what is wrong. */
class MalformedTemplateTest {

  @Test
  void anSqsEventOnAnUnknownQueueNamesTheFunction() {
    assertThatThrownBy(() -> start("unknown-queue.yaml"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("WorkerFunction")
        .hasMessageContaining("MissingQueue");
  }

  @Test
  void aHandlerClassThatDoesNotExistNamesTheFunction() {
    assertThatThrownBy(() -> start("missing-handler.yaml"))
        .isInstanceOf(FunctionLoadException.class)
        .hasMessageContaining("GhostFunction")
        .hasMessageContaining("io.tender.functions.GhostHandler");
  }

  @Test
  void aRouteUnderTheRunnersOwnPrefixIsRefused() {
    assertThatThrownBy(() -> start("reserved-path.yaml"))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("SneakyFunction")
        .hasMessageContaining("/_local/");
  }

  private static void start(String template) {
    LocalGateway.start(LocalGatewayOptions.defaults(Path.of("src/test/resources/malformed", template))
        .withPort(0)).close();
  }
}
