package io.tender.local.template;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM template written in YAML into plain maps, lists and scalars, with the
 * short-form tags turned into their long forms as CloudFormation itself does: {@code !Ref X}
 * becomes {@code {"Ref": "X"}}, {@code !GetAtt A.B} becomes {@code {"Fn::GetAtt": ["A", "B"]}},
 * {@code !Sub s} becomes {@code {"Fn::Sub": s}}, and so on.
 *
 * <p>The result holds only {@link Map} (with {@link String} keys, in document order), {@link List},
 * {@link String}, {@link Number}, {@link Boolean} and {@code null}; no Java type named in the
 * document is ever instantiated.
 */
public final class CloudFormationYaml {

  /** The tags whose long form is {@code Fn::<Name>}. */
  private static final List<String> FUNCTIONS =
      List.of(
          "Base64",
          "Cidr",
          "Equals",
          "FindInMap",
          "GetAZs",
          "If",
          "ImportValue",
          "Join",
          "Not",
          "And",
          "Or",
          "Select",
          "Split",
          "Sub",
          "Transform",
          "Length",
          "ToJsonString");

  private CloudFormationYaml() {}

  /**
   * Parses one YAML (or JSON) document.
   *
   * @throws TemplateException on a syntax error, naming its line and column
   */
  public static Object parse(String yaml) {
    return parse(new StringReader(yaml));
  }

  /** Like {@link #parse(String)}, reading the document from {@code reader}. */
  public static Object parse(Reader reader) {
    LoaderOptions options = new LoaderOptions();
    // CloudFormation rejects a key given twice; silently keeping the last would hide mistakes.
    options.setAllowDuplicateKeys(false);
    Yaml yaml = new Yaml(new IntrinsicConstructor(options));
    try {
      return withStringKeys(yaml.load(reader));
    } catch (MarkedYAMLException e) {
      throw new TemplateException(describe(e), e);
    } catch (YAMLException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new TemplateException("Invalid YAML: " + e.getMessage(), e);
    }
  }

  private static String describe(MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
    if (e.getContext() != null) {
      problem = e.getContext() + ": " + problem;
    }
    return mark == null
        ? "Invalid YAML: " + problem
        : "Invalid YAML at line %d, column %d: %s"
            .formatted(mark.getLine() + 1, mark.getColumn() + 1, problem);
  }

  /** Keys such as {@code 200:} or {@code true:} are read as text, as CloudFormation does. */
  private static Object withStringKeys(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), withStringKeys(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(withStringKeys(item)));
      return copy;
    }
    return value;
  }

  /** SafeConstructor plus the CloudFormation tags. */
  private static final class IntrinsicConstructor extends SafeConstructor {

    IntrinsicConstructor(LoaderOptions options) {
      super(options);
      // "AWSTemplateFormatVersion: 2010-09-09" is a string to CloudFormation, not a date.
      yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
      yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
      yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
      yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
      for (String function : FUNCTIONS) {
        yamlConstructors.put(new Tag("!" + function), new LongForm("Fn::" + function));
      }
    }

    /** Any node kind under the tag becomes the single value of {@code {key: value}}. */
    private class LongForm extends AbstractConstruct {
      private final String key;

      LongForm(String key) {
        this.key = key;
      }

      @Override
      public Object construct(Node node) {
        Map<Object, Object> longForm = new LinkedHashMap<>();
        longForm.put(key, value(node));
        return longForm;
      }

      Object value(Node node) {
        return switch (node) {
          case ScalarNode scalar -> constructScalar(scalar);
          case SequenceNode sequence -> constructSequence(sequence);
          case MappingNode mapping -> constructMapping(mapping);
          default ->
              throw new TemplateException(at(node, "unexpected node under " + node.getTag()));
        };
      }
    }

    /** {@code !GetAtt A.B.C} means resource A, attribute "B.C": split at the first dot only. */
    private final class GetAtt extends LongForm {
      GetAtt() {
        super("Fn::GetAtt");
      }

      @Override
      Object value(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
          return super.value(node);
        }
        String text = constructScalar(scalar);
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
          throw new TemplateException(
              at(node, "!GetAtt '" + text + "' is not of the form LogicalId.Attribute"));
        }
        return new ArrayList<Object>(List.of(text.substring(0, dot), text.substring(dot + 1)));
      }
    }

    private static String at(Node node, String problem) {
      Mark mark = node.getStartMark();
      return "Invalid YAML at line %d, column %d: %s"
          .formatted(mark.getLine() + 1, mark.getColumn() + 1, problem);
    }
  }
}
