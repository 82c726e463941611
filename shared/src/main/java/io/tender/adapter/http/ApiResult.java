package io.tender.adapter.http;

/** A handler's answer before it is rendered: the status and the object to write as JSON. */
public record ApiResult(int status, Object body) {
  public static ApiResult ok(Object body) {
    return new ApiResult(200, body);
  }

  public static ApiResult created(Object body) {
    return new ApiResult(201, body);
  }
}
