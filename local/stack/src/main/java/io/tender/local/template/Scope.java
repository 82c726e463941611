package io.tender.local.template;

/** The names intrinsic functions are resolved against: parameters, conditions, resources. */
interface Scope {

  /**
   * {@code Ref}: a pseudo parameter, a parameter or a resource.
   *
   * @param via how the reference was written ({@code !Ref}, {@code !Sub}), for error messages
   */
  Object ref(String name, Where where, String via);

  /** {@code Fn::GetAtt} on a resource of this template. */
  Object getAtt(String logicalId, String attribute, Where where, String via);

  /** The value of a named entry of the template's {@code Conditions}. */
  boolean condition(String name, Where where);

  /** {@code Fn::FindInMap} in the template's {@code Mappings}. */
  Object findInMap(String mapName, String topKey, String secondKey, Where where);

  /** The local region, for {@code Fn::GetAZs}. */
  String region();
}
