package io.tender.core.idempotency;

/** The store contract on the in-memory twin, so that core tests can trust the twin. */
class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {
  private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();

  @Override
  protected IdempotencyStore store() {
    return store;
  }
}
