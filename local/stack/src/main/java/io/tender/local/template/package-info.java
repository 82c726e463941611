/**
 * The template model of the local runner: template.yaml read into records with every intrinsic
 * resolved to local names.
 *
 * <p>{@link io.tender.local.template.TemplateLoader} is the entry point. It parses the file with
 * {@link io.tender.local.template.CloudFormationYaml}, evaluates parameters and conditions, and
 * reads each created resource into a {@link io.tender.local.template.FunctionSpec}, {@link
 * io.tender.local.template.TableSpec}, {@link io.tender.local.template.QueueSpec} or {@link
 * io.tender.local.template.SecretSpec}; everything else is listed as ignored. Anything the runner
 * cannot serve faithfully is a {@link io.tender.local.template.TemplateException} whose message
 * names the resource and property at fault.
 */
package io.tender.local.template;
