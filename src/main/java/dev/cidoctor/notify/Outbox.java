package dev.cidoctor.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The notifications waiting to be delivered, one item per idempotency key (channel, run attempt and
 * kind: {@link Notification#key}). A dispatcher claims due items with a lease, so after a crash they
 * become due again when the lease runs out and nothing is lost; a key is enqueued once and, once
 * marked sent, never claimed again. The durable implementation lives in the store.
 */
public interface Outbox {

  /** Adds an item unless its key is already there (in any state); returns whether it was added. */
  boolean enqueue(String key, String channel, String payload, Instant now);

  /**
   * Leases up to {@code limit} pending items that are due ({@code nextAttemptAt <= now}) and not leased
   * by anyone until after {@code now}, to {@code owner} until {@code now + lease}; oldest due first.
   */
  List<OutboxItem> claim(String owner, Instant now, Duration lease, int limit);

  /** Marks an item delivered; it is never claimed again. Returns false when it was not pending. */
  boolean markSent(String key, Instant now);

  /**
   * Records a failed attempt by {@code owner}: one more attempt, the error, and the next attempt time,
   * or gives up on the item for good when {@code nextAttempt} is null. Returns false when the lease was lost.
   */
  boolean markFailed(String key, String owner, Instant nextAttempt, String error);

  /** Gives a leased item back without counting an attempt, due again at {@code nextAttempt}. */
  boolean release(String key, String owner, Instant nextAttempt);
}
