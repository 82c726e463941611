package io.tender.adapter.platform;

import io.tender.core.secret.SecretStore;
import java.util.function.Supplier;

/** A secret store built when a secret is first asked for, not while the function is wired. */
final class LazySecretStore implements SecretStore {
  private final Lazy<SecretStore> store;

  LazySecretStore(Supplier<SecretStore> factory) {
    this.store = new Lazy<>(factory);
  }

  @Override
  public String get(String name) {
    return store.get().get(name);
  }

  @Override
  public void refresh(String name) {
    store.get().refresh(name);
  }
}
