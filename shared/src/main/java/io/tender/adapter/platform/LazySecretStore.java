package io.tender.adapter.platform;

import io.tender.core.secret.SecretStore;
import java.util.function.Supplier;

/** A secret store built when a secret is first asked for, not while the function is wired. */
final class LazySecretStore implements SecretStore {
  private final Supplier<SecretStore> factory;
  private volatile SecretStore store;

  LazySecretStore(Supplier<SecretStore> factory) {
    this.factory = factory;
  }

  @Override
  public String get(String name) {
    return store().get(name);
  }

  @Override
  public void refresh(String name) {
    store().refresh(name);
  }

  private SecretStore store() {
    SecretStore current = store;
    if (current == null) {
      synchronized (this) {
        current = store;
        if (current == null) {
          current = factory.get();
          store = current;
        }
      }
    }
    return current;
  }
}
