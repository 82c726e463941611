package io.tender.local.template;

/**
 * The place in the template an error is about: a subject ({@code Resource 'Api'}, {@code Condition
 * 'IsProd'}, {@code Globals.Function}) and the property path inside it.
 */
record Where(String subject, String path) {

  static Where resource(String logicalId) {
    return new Where("Resource '" + logicalId + "'", "");
  }

  static Where of(String subject) {
    return new Where(subject, "");
  }

  Where at(String key) {
    return new Where(subject, path.isEmpty() ? key : path + "." + key);
  }

  Where at(int index) {
    return new Where(subject, path + "[" + index + "]");
  }

  TemplateException error(String message) {
    return new TemplateException(this + ": " + message);
  }

  @Override
  public String toString() {
    return path.isEmpty() ? subject : subject + " (" + path + ")";
  }
}
