package io.tender.local.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Calls one handler instance the way the Lambda Java runtime does: event JSON in, through the
 * runtime's own serializers (so {@code Records} casing and event quirks behave as on AWS), and the
 * result back out as JSON.
 */
final class HandlerAdapter {
  private final Object handler;
  private final PojoSerializer<Object> input;
  private final PojoSerializer<Object> output;

  private HandlerAdapter(Object handler, PojoSerializer<Object> input, PojoSerializer<Object> output) {
    this.handler = handler;
    this.input = input;
    this.output = output;
  }

  static HandlerAdapter of(Object handler) {
    if (handler instanceof RequestStreamHandler) {
      return new HandlerAdapter(handler, null, null);
    }
    if (handler instanceof RequestHandler<?, ?>) {
      Type[] types = requestHandlerTypes(handler.getClass());
      ClassLoader loader = handler.getClass().getClassLoader();
      return new HandlerAdapter(handler, serializer(types[0], loader), serializer(types[1], loader));
    }
    throw new IllegalArgumentException(handler.getClass().getName()
        + " implements neither RequestHandler nor RequestStreamHandler");
  }

  @SuppressWarnings("unchecked")
  byte[] invoke(byte[] event, Context context) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (handler instanceof RequestStreamHandler stream) {
      stream.handleRequest(new ByteArrayInputStream(event), out, context);
      return out.toByteArray();
    }
    Object request = input.fromJson(new ByteArrayInputStream(event));
    Object response = ((RequestHandler<Object, Object>) handler).handleRequest(request, context);
    if (response == null) {
      return "null".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    output.toJson(response, out);
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static PojoSerializer<Object> serializer(Type type, ClassLoader loader) {
    Class<?> raw = type instanceof Class<?> c ? c
        : type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
    if (LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
      return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(raw, loader);
    }
    return JacksonFactory.getInstance().getSerializer(type);
  }

  /** The I and O of {@code RequestHandler<I, O>}, searched up the class hierarchy. */
  private static Type[] requestHandlerTypes(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Type candidate : c.getGenericInterfaces()) {
        if (candidate instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
          return p.getActualTypeArguments();
        }
      }
    }
    // A raw RequestHandler: the runtime hands it plain JSON values.
    return new Type[] {Object.class, Object.class};
  }
}
