package io.tender.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.functions.settlement.SettleProviderEventHandler;
import io.tender.local.template.CloudFormationYaml;
import io.tender.local.template.LocalNaming;
import io.tender.local.template.QueueSpec;
import io.tender.local.template.TemplateLoader;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The settlement consumer counts a message as dead-lettered on the receive the queue's redrive
 * policy makes its last, and an alarm watches the dead-letter queue itself.
 */
class SettlementDeadLetterTemplateTest {
  private static final LocalNaming NAMING =
      new LocalNaming("rules", "eu-west-1", "123456789012", URI.create("http://127.0.0.1:1"));

  @Test
  void theHandlersLastReceiveIsTheQueuesMaxReceiveCount() {
    QueueSpec queue = TemplateLoader.load(TemplateDeploymentTest.TEMPLATE, NAMING, Map.of()).queues()
        .get("SettlementQueue");

    assertThat(queue.redrive()).map(QueueSpec.Redrive::maxReceiveCount)
        .contains(SettleProviderEventHandler.MAX_RECEIVES);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anAlarmWatchesTheDeadLetterQueue() throws Exception {
    Map<String, Object> resources = (Map<String, Object>) ((Map<String, Object>) CloudFormationYaml.parse(
        Files.readString(TemplateDeploymentTest.TEMPLATE))).get("Resources");

    Map<String, Object> alarm = (Map<String, Object>) resources.get("SettlementDeadLetterAlarm");
    Map<String, Object> properties = (Map<String, Object>) alarm.get("Properties");
    assertThat(alarm.get("Type")).isEqualTo("AWS::CloudWatch::Alarm");
    assertThat(properties).containsEntry("Namespace", "AWS/SQS")
        .containsEntry("MetricName", "ApproximateNumberOfMessagesVisible");
    Map<String, Object> dimension = ((List<Map<String, Object>>) properties.get("Dimensions")).get(0);
    assertThat(dimension).containsEntry("Name", "QueueName")
        .containsEntry("Value", Map.of("Fn::GetAtt", List.of("SettlementDeadLetterQueue", "QueueName")));
  }
}
