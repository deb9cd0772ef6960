package dev.cidoctor.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link Outbox} in memory: correct under concurrent dispatchers in one process, lost with it. For
 * tests and for running without a store; the store's JDBC outbox has the same semantics on disk.
 */
public final class InMemoryOutbox implements Outbox {
  /** The lifecycle of an item. */
  public enum Status {
    PENDING,
    SENT,
    DEAD
  }

  private static final class Row {
    final String key;
    final String channel;
    final String payload;
    final Instant createdAt;
    Status status = Status.PENDING;
    int attempts;
    Instant nextAttemptAt;
    String owner;
    Instant leaseUntil;
    String lastError;

    Row(String key, String channel, String payload, Instant now) {
      this.key = key;
      this.channel = channel;
      this.payload = payload;
      this.createdAt = now;
      this.nextAttemptAt = now;
    }
  }

  private final Map<String, Row> rows = new LinkedHashMap<>();

  @Override
  public synchronized boolean enqueue(String key, String channel, String payload, Instant now) {
    if (rows.containsKey(key)) {
      return false;
    }
    rows.put(key, new Row(key, channel, payload, now));
    return true;
  }

  @Override
  public synchronized List<OutboxItem> claim(String owner, Instant now, Duration lease, int limit) {
    List<OutboxItem> out = new ArrayList<>();
    rows.values().stream()
        .filter(r -> r.status == Status.PENDING && !r.nextAttemptAt.isAfter(now) && (r.leaseUntil == null || !r.leaseUntil.isAfter(now)))
        .sorted(Comparator.comparing((Row r) -> r.nextAttemptAt).thenComparing(r -> r.createdAt))
        .limit(limit)
        .forEach(r -> {
          r.owner = owner;
          r.leaseUntil = now.plus(lease);
          out.add(new OutboxItem(r.key, r.channel, r.payload, r.attempts, r.createdAt));
        });
    return out;
  }

  @Override
  public synchronized boolean markSent(String key, Instant now) {
    Row r = rows.get(key);
    if (r == null || r.status != Status.PENDING) {
      return false;
    }
    r.status = Status.SENT;
    r.owner = null;
    r.leaseUntil = null;
    return true;
  }

  @Override
  public synchronized boolean markFailed(String key, String owner, Instant nextAttempt, String error) {
    Row r = held(key, owner);
    if (r == null) {
      return false;
    }
    r.attempts++;
    r.lastError = error;
    r.owner = null;
    r.leaseUntil = null;
    if (nextAttempt == null) {
      r.status = Status.DEAD;
    } else {
      r.nextAttemptAt = nextAttempt;
    }
    return true;
  }

  @Override
  public synchronized boolean release(String key, String owner, Instant nextAttempt) {
    Row r = held(key, owner);
    if (r == null) {
      return false;
    }
    r.owner = null;
    r.leaseUntil = null;
    r.nextAttemptAt = nextAttempt;
    return true;
  }

  private Row held(String key, String owner) {
    Row r = rows.get(key);
    return r != null && r.status == Status.PENDING && owner.equals(r.owner) ? r : null;
  }

  /** The item's state, for tests and the dashboard; null when the key is unknown. */
  public synchronized Status status(String key) {
    Row r = rows.get(key);
    return r == null ? null : r.status;
  }

  /** Failed attempts so far, or -1 when the key is unknown. */
  public synchronized int attempts(String key) {
    Row r = rows.get(key);
    return r == null ? -1 : r.attempts;
  }

  /** The last error recorded for the key, or null. */
  public synchronized String lastError(String key) {
    Row r = rows.get(key);
    return r == null ? null : r.lastError;
  }
}
