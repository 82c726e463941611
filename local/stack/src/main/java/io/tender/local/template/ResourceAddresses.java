package io.tender.local.template;

import static io.tender.local.template.ResourceTypes.FUNCTION;
import static io.tender.local.template.ResourceTypes.HTTP_API;
import static io.tender.local.template.ResourceTypes.QUEUE;
import static io.tender.local.template.ResourceTypes.SECRET;
import static io.tender.local.template.ResourceTypes.SIMPLE_TABLE;
import static io.tender.local.template.ResourceTypes.TABLE;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code Ref} and {@code Fn::GetAtt} return for a resource locally: physical names ({@code
 * <stack>-<logicalId>} unless the template names the resource), ARNs in the local region and
 * account, and queue URLs on ElasticMQ's endpoint.
 */
final class ResourceAddresses {
  private final LocalNaming naming;
  private final IntrinsicResolver resolver;
  private final Map<String, String> names = new HashMap<>();
  private final Set<String> beingNamed = new HashSet<>();

  ResourceAddresses(LocalNaming naming, IntrinsicResolver resolver) {
    this.naming = naming;
    this.resolver = resolver;
  }

  String physicalName(DeclaredResource resource) {
    String id = resource.logicalId();
    String known = names.get(id);
    if (known != null) {
      return known;
    }
    // A name property may refer to other resources' names; a loop back would never end.
    if (!beingNamed.add(id)) {
      throw resource.where().error("its name refers back to the resource itself");
    }
    try {
      Props props = Props.unresolved(resource.properties(), resource.where(), resolver);
      String defaultName = naming.stackName() + "-" + id;
      String name =
          switch (resource.type()) {
            case TABLE, SIMPLE_TABLE -> props.string("TableName").orElse(defaultName);
            case QUEUE -> QueueReader.queueName(props, defaultName);
            case SECRET -> props.string("Name").orElse(defaultName);
            case FUNCTION -> props.string("FunctionName").orElse(defaultName);
            default -> id;
          };
      names.put(id, name);
      return name;
    } finally {
      beingNamed.remove(id);
    }
  }

  Object ref(DeclaredResource resource) {
    return switch (resource.type()) {
      case TABLE, SIMPLE_TABLE, FUNCTION -> physicalName(resource);
      case QUEUE -> queueUrl(resource);
      case SECRET -> arn("secretsmanager", "secret:" + physicalName(resource));
      case HTTP_API -> "local";
      default -> resource.logicalId();
    };
  }

  Object getAtt(DeclaredResource resource, String attribute, Where where, String via) {
    String id = resource.logicalId();
    return switch (resource.type()) {
      case TABLE, SIMPLE_TABLE ->
          switch (attribute) {
            case "Arn" -> tableArn(resource);
            case "StreamArn" -> {
              // CloudFormation has no StreamArn for a table without a stream: deploying fails.
              if (!hasStream(resource)) {
                throw where.error(
                    "%s to %s.StreamArn: table '%s' has no StreamSpecification, so no stream"
                        .formatted(via, id, id));
              }
              yield streamArn(resource);
            }
            default ->
                throw noSuchAttribute(resource, attribute, List.of("Arn", "StreamArn"), where, via);
          };
      case QUEUE ->
          switch (attribute) {
            case "Arn" -> queueArn(resource);
            case "QueueName" -> physicalName(resource);
            case "QueueUrl" -> queueUrl(resource);
            default ->
                throw noSuchAttribute(
                    resource, attribute, List.of("Arn", "QueueName", "QueueUrl"), where, via);
          };
      case SECRET ->
          switch (attribute) {
            case "Id" -> ref(resource);
            default -> throw noSuchAttribute(resource, attribute, List.of("Id"), where, via);
          };
      case FUNCTION ->
          switch (attribute) {
            case "Arn" -> arn("lambda", "function:" + physicalName(resource));
            default -> throw noSuchAttribute(resource, attribute, List.of("Arn"), where, via);
          };
      // Nothing local stands behind other types; a recognisable placeholder keeps them usable.
      default -> "arn:aws:local:::" + id + "/" + attribute;
    };
  }

  String queueArn(DeclaredResource queue) {
    return arn("sqs", physicalName(queue));
  }

  /** ElasticMQ's URL form: {@code <endpoint>/<accountId>/<queueName>}. */
  String queueUrl(DeclaredResource queue) {
    String endpoint = naming.sqsEndpoint().toString().replaceAll("/+$", "");
    return endpoint + "/" + naming.accountId() + "/" + physicalName(queue);
  }

  /**
   * A stream's ARN ends in a label DynamoDB picks when the stream is enabled; locally the label is
   * {@code local}, and the runner maps this ARN to the stream the local engine made.
   */
  String streamArn(DeclaredResource table) {
    return tableArn(table) + "/stream/local";
  }

  boolean hasStream(DeclaredResource table) {
    return table.type().equals(TABLE)
        && Props.unresolved(table.properties(), table.where(), resolver)
            .get("StreamSpecification")
            .isPresent();
  }

  String tableArn(DeclaredResource table) {
    return arn("dynamodb", "table/" + physicalName(table));
  }

  private String arn(String service, String resource) {
    return "arn:aws:%s:%s:%s:%s".formatted(service, naming.region(), naming.accountId(), resource);
  }

  private static TemplateException noSuchAttribute(
      DeclaredResource resource, String attribute, List<String> known, Where where, String via) {
    return where.error(
        "%s to %s.%s: %s has no attribute '%s' (it has %s)"
            .formatted(
                via,
                resource.logicalId(),
                attribute,
                resource.type(),
                attribute,
                String.join(", ", known)));
  }
}
