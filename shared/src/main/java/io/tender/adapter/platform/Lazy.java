package io.tender.adapter.platform;

import java.util.function.Supplier;

/** A value built on first use, once, so that a cold start only pays for what a function uses. */
final class Lazy<T> implements Supplier<T> {
  private final Supplier<T> factory;
  private volatile T value;

  Lazy(Supplier<T> factory) {
    this.factory = factory;
  }

  @Override
  public T get() {
    T current = value;
    if (current == null) {
      synchronized (this) {
        current = value;
        if (current == null) {
          current = factory.get();
          value = current;
        }
      }
    }
    return current;
  }
}
