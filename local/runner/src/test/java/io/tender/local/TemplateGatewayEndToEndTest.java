package io.tender.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tender.local.function.Invocation;
import io.tender.local.template.TableSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The project's own template.yaml, served by the runner, checked over HTTP. */
class TemplateGatewayEndToEndTest {
  private static final Path TEMPLATE = Path.of("../../template.yaml");
  private static final Path EVENTS = Path.of("../../events");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LocalGateway gateway;

  @BeforeAll
  static void start() {
    gateway = LocalGateway.start(LocalGatewayOptions.defaults(TEMPLATE).withPort(0));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void healthAnswersOverHttp() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/health")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("status").asText()).isEqualTo("ok");
    assertThat(body.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void everyTableExistsLocallyAsDeclared() {
    for (TableSpec table : gateway.template().tables().values()) {
      TableDescription described = gateway.dynamoDb()
          .describeTable(d -> d.tableName(table.tableName())).table();

      assertThat(described.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
          .containsExactlyElementsOf(table.keySchema().stream()
              .map(k -> k.attributeName() + ":" + k.keyType()).toList());
      assertThat(described.globalSecondaryIndexes()).extracting(i -> i.indexName())
          .containsExactlyInAnyOrderElementsOf(table.globalSecondaryIndexes().stream()
              .map(TableSpec.IndexSpec::indexName).toList());
      table.ttlAttribute().ifPresent(attribute -> assertThat(gateway.dynamoDb()
          .describeTimeToLive(d -> d.tableName(table.tableName())).timeToLiveDescription())
          .satisfies(ttl -> {
            assertThat(ttl.attributeName()).isEqualTo(attribute);
            assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
          }));
      assertThat(Optional.ofNullable(described.streamSpecification()).filter(StreamSpecification::streamEnabled)
          .map(StreamSpecification::streamViewTypeAsString)).as("the stream of %s", table.logicalId())
          .isEqualTo(table.streamViewType());
    }
    assertThat(gateway.template().tables()).containsKey("TenderTable");
  }

  /**
   * Every sample event under events/FunctionLogicalId/ is accepted by that function, loaded the
   * way Lambda loads it; an HTTP answer must not be a server error.
   */
  @TestFactory
  Stream<DynamicTest> everySampleEventIsAcceptedByItsFunction() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(EVENTS)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(file -> DynamicTest.dynamicTest(EVENTS.relativize(file).toString(), () -> {
      String function = file.getParent().getFileName().toString();
      assertThat(gateway.template().functions()).as("events/%s names a function of the template", function)
          .containsKey(function);

      Invocation result = gateway.invoke(function, Files.readAllBytes(file));

      assertThat(result).isInstanceOf(Invocation.Succeeded.class);
      JsonNode output = JSON.readTree(((Invocation.Succeeded) result).output());
      if (output.has("statusCode")) {
        assertThat(output.path("statusCode").asInt()).isLessThan(500);
      }
    }));
  }
}
