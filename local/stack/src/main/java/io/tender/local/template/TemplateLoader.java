package io.tender.local.template;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a SAM template into the {@link StackTemplate} the local runner serves, with every intrinsic
 * resolved to local names.
 *
 * <p>Only what the runner uses is resolved (function handlers, environments and events; tables,
 * queues and secrets), so that unrelated parts such as policies or alarms need not be resolvable
 * locally. Anything the runner cannot serve faithfully is a {@link TemplateException} naming the
 * resource and property, never a silent omission.
 */
public final class TemplateLoader {
  private TemplateLoader() {}

  /**
   * Reads and resolves a template file.
   *
   * @param parameterOverrides values for the template's Parameters, taking precedence over their
   *     Default; each must name a declared parameter
   * @throws TemplateException when the template cannot be served; the message names the file and
   *     the resource (or line) that is wrong
   */
  public static StackTemplate load(
      Path templateFile, LocalNaming naming, Map<String, String> parameterOverrides) {
    String yaml;
    try {
      yaml = Files.readString(templateFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TemplateException("Cannot read " + templateFile + ": " + e.getMessage(), e);
    }
    try {
      return load(yaml, naming, parameterOverrides);
    } catch (TemplateException e) {
      throw new TemplateException(templateFile + ": " + e.getMessage(), e);
    }
  }

  /** Like {@link #load(Path, LocalNaming, Map)}, for a template given as text. */
  public static StackTemplate load(
      String templateYaml, LocalNaming naming, Map<String, String> parameterOverrides) {
    return read(CloudFormationYaml.parse(templateYaml), naming, parameterOverrides);
  }

  /** Like {@link #load(Path, LocalNaming, Map)}, reading the template from {@code reader}. */
  public static StackTemplate load(
      Reader templateYaml, LocalNaming naming, Map<String, String> parameterOverrides) {
    try {
      return read(CloudFormationYaml.parse(templateYaml), naming, parameterOverrides);
    } catch (UncheckedIOException e) {
      throw new TemplateException("Cannot read the template: " + e.getMessage(), e);
    }
  }

  private static StackTemplate read(
      Object document, LocalNaming naming, Map<String, String> parameterOverrides) {
    Map<String, Object> template = Templates.map(document, Where.of("The template"));
    Stack stack = Stack.of(template, naming, parameterOverrides);
    FunctionReader functionReader = new FunctionReader(stack, template.get("Globals"));

    Map<String, FunctionSpec> functions = new LinkedHashMap<>();
    Map<String, TableSpec> tables = new LinkedHashMap<>();
    Map<String, QueueSpec> queues = new LinkedHashMap<>();
    Map<String, SecretSpec> secrets = new LinkedHashMap<>();
    Map<String, String> ignored = new LinkedHashMap<>();
    for (DeclaredResource resource : stack.createdResources()) {
      String id = resource.logicalId();
      switch (resource.type()) {
        case ResourceTypes.FUNCTION -> functions.put(id, functionReader.read(resource));
        case ResourceTypes.TABLE -> tables.put(id, TableReader.read(resource, stack));
        case ResourceTypes.SIMPLE_TABLE ->
            tables.put(id, TableReader.readSimpleTable(resource, stack));
        case ResourceTypes.QUEUE -> queues.put(id, QueueReader.read(resource, stack));
        case ResourceTypes.SECRET -> secrets.put(id, SecretReader.read(resource, stack));
        default -> ignored.put(id, resource.type());
      }
    }
    RouteConflicts.check(functions.values());
    return new StackTemplate(
        Collections.unmodifiableMap(functions),
        Collections.unmodifiableMap(tables),
        Collections.unmodifiableMap(queues),
        Collections.unmodifiableMap(secrets),
        Collections.unmodifiableMap(ignored));
  }
}
