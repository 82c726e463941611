package io.tender.core.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A per-container cache whose entries are trusted for a fixed time. Lambda containers live for
 * minutes to hours, so every cached fact (a secret, an API key, a role, a tenant's limits) needs a
 * bound on how stale it may be; this is that bound, in one place.
 */
public final class ExpiringCache<K, V> {
  private final Clock clock;
  private final Duration ttl;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

  private record Entry<V>(V value, Instant until) {}

  public ExpiringCache(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  /** The cached value if it is still fresh. */
  public Optional<V> get(K key) {
    Entry<V> entry = entries.get(key);
    return entry != null && clock.instant().isBefore(entry.until()) ? Optional.of(entry.value()) : Optional.empty();
  }

  /** The fresh cached value, else {@code loader}'s (which is then cached). */
  public V get(K key, Function<K, V> loader) {
    return get(key).orElseGet(() -> {
      V value = loader.apply(key);
      put(key, value);
      return value;
    });
  }

  public void put(K key, V value) {
    entries.put(key, new Entry<>(value, clock.instant().plus(ttl)));
  }

  public void invalidate(K key) {
    entries.remove(key);
  }
}
