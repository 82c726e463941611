package io.tender.local.template;

/**
 * What {@code !Ref AWS::NoValue} resolves to: the property or list item holding it is removed, as
 * if it had not been written.
 */
enum NoValue {
  INSTANCE;

  @Override
  public String toString() {
    return "AWS::NoValue";
  }
}
