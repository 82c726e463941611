package io.tender.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a SAM template against AWS's own JSON Schema for SAM templates ({@code
 * sam-schema/sam.schema.json}, see the NOTICE.md next to it), the way {@code sam validate} would
 * before {@code sam deploy}: unknown or misspelled properties of {@code AWS::Serverless::*}
 * resources, event types and {@code Globals}, wrongly typed values where the schema types them.
 *
 * <p>The template is read with {@link CloudFormationYaml}, so short-form intrinsics ({@code !Ref},
 * {@code !GetAtt}, ...) reach the schema in their long form, as they would after CloudFormation
 * read the template.
 *
 * <p>Messages are those of the JSON Schema validator, such as {@code $.Resources.Api.Properties:
 * property 'Handlr' is not defined in the schema and the schema does not allow additional
 * properties}, less the noise of {@code anyOf} branches written for other resource or event types
 * (see {@link TypeDispatch}).
 */
public final class SamSchema {
  private static final String SCHEMA_RESOURCE = "/sam-schema/sam.schema.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SamSchema() {}

  /** The schema violations of a template file; empty when it is valid. */
  public static List<String> validate(Path templateFile) {
    try {
      return validate(Files.readString(templateFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema violations of a template given as YAML (or JSON) text; empty when it is valid. */
  public static List<String> validate(String templateYaml) {
    JsonNode template = JSON.valueToTree(CloudFormationYaml.parse(templateYaml));
    return TypeDispatch.relevant(Holder.SCHEMA.validate(template));
  }

  /**
   * The schema lists every resource type (and every event type) as one branch of an {@code anyOf},
   * each branch fixing {@code Type}. When an {@code anyOf} fails, the validator reports every
   * branch, so one misspelled property of a function comes with dozens of messages saying the
   * resource is not a Connector, not a SimpleTable, and so on. This keeps, for each failed {@code
   * anyOf}, only the branches whose {@code Type} matched; when none matched (an unknown type), it
   * keeps the messages saying which types are allowed.
   */
  private static final class TypeDispatch {
    /** An evaluation path that checks Type inside one anyOf branch: group 1 is the anyOf. */
    private static final Pattern TYPE_CHECK =
        Pattern.compile(
            "(.*\\.anyOf)\\[(\\d+)](?:\\.\\$ref)?\\.properties\\.Type\\.(?:enum|pattern)");

    /** One anyOf applied to one object of the template. */
    private record Group(String objectLocation, String anyOfPath) {}

    static List<String> relevant(Set<ValidationMessage> messages) {
      Map<Group, Set<String>> rejected = rejectedBranches(messages);
      Set<Group> unknownType = new HashSet<>();
      rejected.forEach(
          (group, branches) -> {
            if (messages.stream()
                .map(message -> branchOf(message, group))
                .filter(Objects::nonNull)
                .allMatch(branches::contains)) {
              unknownType.add(group);
            }
          });
      return messages.stream()
          .filter(message -> !isNoise(message, rejected, unknownType))
          .map(ValidationMessage::getMessage)
          .distinct()
          .toList();
    }

    /** For each anyOf on each object, the branches whose Type did not match. */
    private static Map<Group, Set<String>> rejectedBranches(Set<ValidationMessage> messages) {
      Map<Group, Set<String>> rejected = new HashMap<>();
      for (ValidationMessage message : messages) {
        Matcher typeCheck = TYPE_CHECK.matcher(message.getEvaluationPath().toString());
        if (typeCheck.matches()) {
          String type = message.getInstanceLocation().toString();
          String object = type.substring(0, type.length() - ".Type".length());
          rejected
              .computeIfAbsent(new Group(object, typeCheck.group(1)), g -> new HashSet<>())
              .add(typeCheck.group(2));
        }
      }
      return rejected;
    }

    private static boolean isNoise(
        ValidationMessage message, Map<Group, Set<String>> rejected, Set<Group> unknownType) {
      boolean typeCheck = TYPE_CHECK.matcher(message.getEvaluationPath().toString()).matches();
      for (Map.Entry<Group, Set<String>> entry : rejected.entrySet()) {
        String branch = branchOf(message, entry.getKey());
        boolean fromRejectedBranch = branch != null && entry.getValue().contains(branch);
        // When no branch matched the Type, saying which types are allowed is the point.
        if (fromRejectedBranch && !(typeCheck && unknownType.contains(entry.getKey()))) {
          return true;
        }
      }
      return false;
    }

    /** The index of the group's anyOf branch the message comes from, or null if from none. */
    private static String branchOf(ValidationMessage message, Group group) {
      String location = message.getInstanceLocation().toString();
      String evaluation = message.getEvaluationPath().toString();
      boolean insideObject =
          location.equals(group.objectLocation())
              || location.startsWith(group.objectLocation() + ".")
              || location.startsWith(group.objectLocation() + "[");
      String branchStart = group.anyOfPath() + "[";
      if (!insideObject || !evaluation.startsWith(branchStart)) {
        return null;
      }
      int end = evaluation.indexOf(']', branchStart.length());
      return evaluation.substring(branchStart.length(), end);
    }
  }

  /** Loaded once: the schema is large (some 750 kB) and immutable. */
  private static final class Holder {
    static final JsonSchema SCHEMA = load();

    private static JsonSchema load() {
      // The schema annotates itself with keywords draft-04 does not know; they validate nothing.
      JsonMetaSchema draft4WithSamAnnotations =
          JsonMetaSchema.builder(JsonMetaSchema.getV4())
              .keyword(new NonValidationKeyword("markdownDescription"))
              .keyword(new NonValidationKeyword("__samPassThrough"))
              .build();
      JsonSchemaFactory factory =
          JsonSchemaFactory.getInstance(
              SpecVersion.VersionFlag.V4, builder -> builder.metaSchema(draft4WithSamAnnotations));
      try (InputStream in = SamSchema.class.getResourceAsStream(SCHEMA_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("Missing test resource " + SCHEMA_RESOURCE);
        }
        return factory.getSchema(JSON.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
