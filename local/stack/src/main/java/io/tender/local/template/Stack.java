package io.tender.local.template;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A parsed template with its parameters, conditions and mappings evaluated for one local stack: the
 * {@link Scope} that intrinsics resolve in, and the list of resources that are created.
 */
final class Stack implements Scope {
  private final LocalNaming naming;
  private final Parameters parameters;
  private final Map<String, Object> mappings;
  private final Map<String, Object> conditions;
  private final Map<String, Boolean> conditionValues = new HashMap<>();
  private final Set<String> conditionsBeingEvaluated = new HashSet<>();

  /** Declared and implicit resources, in template order. */
  private final Map<String, DeclaredResource> resources;

  /** Logical id → whether its Condition holds. */
  private final Map<String, Boolean> created = new HashMap<>();

  private final IntrinsicResolver resolver;
  private final ResourceAddresses addresses;

  private Stack(
      Map<String, Object> template, LocalNaming naming, Map<String, String> parameterOverrides) {
    this.naming = naming;
    this.parameters = Parameters.read(template.get("Parameters"), parameterOverrides);
    this.mappings = Templates.mapOrEmpty(template.get("Mappings"), Where.of("Mappings"));
    this.conditions = Templates.mapOrEmpty(template.get("Conditions"), Where.of("Conditions"));
    this.resources = ImplicitResources.addTo(declaredResources(template));
    this.resolver = new IntrinsicResolver(this);
    this.addresses = new ResourceAddresses(naming, resolver);
    resources.values().forEach(r -> created.put(r.logicalId(), conditionHolds(r)));
  }

  static Stack of(Map<String, Object> template, LocalNaming naming, Map<String, String> overrides) {
    Stack stack = new Stack(template, naming, overrides);
    stack.requireServerlessTransform(template.get("Transform"));
    return stack;
  }

  /** The resources written in the template whose Condition holds, in template order. */
  List<DeclaredResource> createdResources() {
    return resources.values().stream()
        .filter(r -> !r.implicit() && created.get(r.logicalId()))
        .toList();
  }

  Props properties(DeclaredResource resource) {
    return Props.unresolved(resource.properties(), resource.where(), resolver);
  }

  IntrinsicResolver resolver() {
    return resolver;
  }

  String physicalName(DeclaredResource resource) {
    return addresses.physicalName(resource);
  }

  /** The created queue whose ARN this is. */
  Optional<DeclaredResource> queueWithArn(String arn) {
    return createdQueues().filter(q -> addresses.queueArn(q).equals(arn)).findFirst();
  }

  /** The created queue whose URL this is. */
  Optional<DeclaredResource> queueWithUrl(String url) {
    return createdQueues().filter(q -> addresses.queueUrl(q).equals(url)).findFirst();
  }

  /** The created table with a stream whose stream ARN this is. */
  Optional<DeclaredResource> tableWithStreamArn(String arn) {
    return createdTables()
        .filter(addresses::hasStream)
        .filter(t -> addresses.streamArn(t).equals(arn))
        .findFirst();
  }

  /** The created table whose ARN (not its stream's) this is. */
  Optional<DeclaredResource> tableWithArn(String arn) {
    return createdTables().filter(t -> addresses.tableArn(t).equals(arn)).findFirst();
  }

  private Stream<DeclaredResource> createdTables() {
    return createdResources().stream()
        .filter(
            r ->
                r.type().equals(ResourceTypes.TABLE)
                    || r.type().equals(ResourceTypes.SIMPLE_TABLE));
  }

  private Stream<DeclaredResource> createdQueues() {
    return createdResources().stream().filter(r -> r.type().equals(ResourceTypes.QUEUE));
  }

  @Override
  public Object ref(String name, Where where, String via) {
    if (name.startsWith("AWS::")) {
      return pseudoParameter(name, where);
    }
    if (parameters.has(name)) {
      return parameters.value(name);
    }
    return addresses.ref(resource(name, where, via));
  }

  @Override
  public Object getAtt(String logicalId, String attribute, Where where, String via) {
    return addresses.getAtt(resource(logicalId, where, via), attribute, where, via);
  }

  @Override
  public boolean condition(String name, Where where) {
    Boolean known = conditionValues.get(name);
    if (known != null) {
      return known;
    }
    if (!conditions.containsKey(name)) {
      throw where.error("unknown condition '" + name + "'");
    }
    Where definition = Where.of("Condition '" + name + "'");
    if (!conditionsBeingEvaluated.add(name)) {
      throw definition.error("refers back to itself");
    }
    try {
      boolean value = resolver.condition(conditions.get(name), definition);
      conditionValues.put(name, value);
      return value;
    } finally {
      conditionsBeingEvaluated.remove(name);
    }
  }

  @Override
  public Object findInMap(String mapName, String topKey, String secondKey, Where where) {
    Object map = mappings.get(mapName);
    if (map == null) {
      throw where.error("!FindInMap: there is no mapping '" + mapName + "'");
    }
    Map<String, Object> top = Templates.map(map, Where.of("Mapping '" + mapName + "'"));
    if (!top.containsKey(topKey)) {
      throw where.error("!FindInMap: mapping '" + mapName + "' has no key '" + topKey + "'");
    }
    Map<String, Object> second =
        Templates.map(top.get(topKey), Where.of("Mapping '" + mapName + "'").at(topKey));
    if (!second.containsKey(secondKey)) {
      throw where.error(
          "!FindInMap: mapping '%s' has no key '%s' under '%s'"
              .formatted(mapName, secondKey, topKey));
    }
    return second.get(secondKey);
  }

  @Override
  public String region() {
    return naming.region();
  }

  private Object pseudoParameter(String name, Where where) {
    return switch (name) {
      case "AWS::Region" -> naming.region();
      case "AWS::AccountId" -> naming.accountId();
      case "AWS::StackName" -> naming.stackName();
      case "AWS::StackId" ->
          "arn:aws:cloudformation:%s:%s:stack/%s/local"
              .formatted(naming.region(), naming.accountId(), naming.stackName());
      case "AWS::Partition" -> "aws";
      case "AWS::URLSuffix" -> "amazonaws.com";
      case "AWS::NotificationARNs" -> List.of();
      case "AWS::NoValue" -> NoValue.INSTANCE;
      default -> throw where.error("unknown pseudo parameter '" + name + "'");
    };
  }

  private DeclaredResource resource(String logicalId, Where where, String via) {
    DeclaredResource resource = resources.get(logicalId);
    if (resource == null) {
      throw where.error(via + " to unknown resource '" + logicalId + "'");
    }
    if (!conditionsBeingEvaluated.isEmpty()) {
      throw where.error(
          "Conditions cannot refer to resources, but this refers to '" + logicalId + "'");
    }
    if (!created.get(logicalId)) {
      throw where.error(
          "%s to resource '%s', which is not created because its Condition %s is false"
              .formatted(via, logicalId, resource.condition().orElseThrow()));
    }
    return resource;
  }

  private boolean conditionHolds(DeclaredResource resource) {
    Where where = resource.where().at("Condition");
    return resource
        .condition()
        .map(name -> condition(Scalars.text(name, where), where))
        .orElse(true);
  }

  private static Map<String, DeclaredResource> declaredResources(Map<String, Object> template) {
    if (!template.containsKey("Resources")) {
      throw new TemplateException("The template has no Resources");
    }
    Map<String, DeclaredResource> resources = new LinkedHashMap<>();
    Templates.map(template.get("Resources"), Where.of("Resources"))
        .forEach(
            (id, entry) -> {
              Where where = Where.resource(id);
              Map<String, Object> definition = Templates.map(entry, where);
              if (!(definition.get("Type") instanceof String type) || type.isBlank()) {
                throw where.error("Type is missing");
              }
              resources.put(id, new DeclaredResource(id, type, definition, false));
            });
    return resources;
  }

  /** SAM types mean nothing to CloudFormation without the transform; deploying would fail. */
  private void requireServerlessTransform(Object transform) {
    boolean declared =
        transform instanceof List<?> list
            ? list.contains(ResourceTypes.SERVERLESS_TRANSFORM)
            : ResourceTypes.SERVERLESS_TRANSFORM.equals(transform);
    if (declared) {
      return;
    }
    for (DeclaredResource resource : resources.values()) {
      if (!resource.implicit() && resource.type().startsWith(ResourceTypes.SERVERLESS_PREFIX)) {
        throw resource
            .where()
            .error(
                "%s needs 'Transform: %s' at the top of the template"
                    .formatted(resource.type(), ResourceTypes.SERVERLESS_TRANSFORM));
      }
    }
  }
}
