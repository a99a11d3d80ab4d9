package cn.smartaffairs.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A small in-memory cache of values read on a hot path (an API key, a payment terminal, a rule) that stays correct
 * when several instances share one database: {@link #invalidate()} clears it here once the changing transaction commits
 * and announces the change to every other instance through PostgreSQL ({@link SharedCaches}); an entry lives at most
 * {@code affairs.cluster.cache-lifetime} (10 s), which bounds how stale it can be should that announcement be lost.
 */
public final class SharedCache<K, V> {

  private record Entry<V>(V value, long loadedAt) {}

  private final String name;
  private final long lifetimeNanos;
  private final SharedCaches hub;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  /** Counts invalidations, so that a value read before one is not kept after it. */
  private final AtomicLong generation = new AtomicLong();

  SharedCache(String name, Duration lifetime, SharedCaches hub) {
    this.name = name;
    this.lifetimeNanos = lifetime.toNanos();
    this.hub = hub;
  }

  public String name() {
    return name;
  }

  /** The cached value, or the loader's (kept unless it is null: nothing is remembered about unknown keys). */
  public V get(K key, Function<? super K, ? extends V> loader) {
    long now = System.nanoTime();
    Entry<V> entry = entries.get(key);
    if (entry != null && now - entry.loadedAt() < lifetimeNanos) {
      return entry.value();
    }
    long before = generation.get();
    V value = loader.apply(key);
    if (value != null && generation.get() == before) {
      entries.put(key, new Entry<>(value, now));
    }
    return value;
  }

  /**
   * Says that what this cache holds has changed in the database: every instance forgets its entries once the current
   * transaction commits (at once without one); a rollback changes nothing.
   */
  public void invalidate() {
    clearHere();
    hub.announce(this);
  }

  void clearHere() {
    generation.incrementAndGet();
    entries.clear();
  }
}
