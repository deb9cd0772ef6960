package dev.cidoctor.ci;

import java.util.Optional;

/**
 * Where a CI client keeps the validators (ETag, Last-Modified) and bodies of its conditional requests,
 * so they survive restarts and an unchanged answer costs nothing. Keys and values are opaque to the
 * cache.
 */
public interface ResponseCache {
  Optional<byte[]> get(String key);

  void put(String key, byte[] value);

  /** A cache that lives as long as the process; for tests and one-shot commands. */
  static ResponseCache inMemory() {
    java.util.Map<String, byte[]> map = new java.util.concurrent.ConcurrentHashMap<>();
    return new ResponseCache() {
      @Override
      public Optional<byte[]> get(String key) {
        return Optional.ofNullable(map.get(key));
      }

      @Override
      public void put(String key, byte[] value) {
        map.put(key, value.clone());
      }
    };
  }
}
