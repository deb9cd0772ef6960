package dev.cidoctor.store.jdbc;

import dev.cidoctor.notify.Outbox;
import dev.cidoctor.notify.OutboxItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The notification outbox in the pattern store's database: items survive a crash, leases let several
 * dispatchers share it, and a key once enqueued is never enqueued or sent again. Claims are
 * compare-and-set updates, so two processes never hold the same item.
 */
final class JdbcOutbox implements Outbox {
  private final JdbcPatternStore store;

  JdbcOutbox(JdbcPatternStore store) {
    this.store = store;
  }

  @Override
  public boolean enqueue(String key, String channel, String payload, Instant now) {
    return store.inTransaction("enqueue a " + channel + " notification", c -> Sql.update(c,
        "INSERT INTO notify_outbox (idempotency_key, channel, payload, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?) "
            + "ON CONFLICT (idempotency_key) DO NOTHING", key, channel, payload, now.toEpochMilli(), now.toEpochMilli()) == 1);
  }

  @Override
  public List<OutboxItem> claim(String owner, Instant now, Duration lease, int limit) {
    long t = now.toEpochMilli();
    long until = now.plus(lease).toEpochMilli();
    return store.inTransaction("claim notifications", c -> {
      List<OutboxItem> due = Sql.list(c, "SELECT idempotency_key, channel, payload, attempts, created_at FROM notify_outbox "
              + "WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?) "
              + "ORDER BY next_attempt_at, created_at LIMIT " + Math.max(1, limit),
          rs -> new OutboxItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), Instant.ofEpochMilli(rs.getLong(5))),
          t, t);
      List<OutboxItem> won = new ArrayList<>();
      for (OutboxItem item : due) {
        if (Sql.update(c, "UPDATE notify_outbox SET lease_owner = ?, lease_until = ? WHERE idempotency_key = ? "
            + "AND status = 'pending' AND (lease_until IS NULL OR lease_until <= ?)", owner, until, item.key(), t) == 1) {
          won.add(item);
        }
      }
      return won;
    });
  }

  @Override
  public boolean markSent(String key, Instant now) {
    return store.inTransaction("mark a notification sent", c -> Sql.update(c,
        "UPDATE notify_outbox SET status = 'sent', sent_at = ?, lease_owner = NULL, lease_until = NULL "
            + "WHERE idempotency_key = ? AND status = 'pending'", now.toEpochMilli(), key) == 1);
  }

  @Override
  public boolean markFailed(String key, String owner, Instant nextAttempt, String error) {
    String e = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
    return store.inTransaction("record a failed notification", c -> nextAttempt == null
        ? Sql.update(c, "UPDATE notify_outbox SET status = 'dead', attempts = attempts + 1, last_error = ?, lease_owner = NULL, "
            + "lease_until = NULL WHERE idempotency_key = ? AND status = 'pending' AND lease_owner = ?", e, key, owner) == 1
        : Sql.update(c, "UPDATE notify_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, lease_owner = NULL, "
            + "lease_until = NULL WHERE idempotency_key = ? AND status = 'pending' AND lease_owner = ?",
            e, nextAttempt.toEpochMilli(), key, owner) == 1);
  }

  @Override
  public boolean release(String key, String owner, Instant nextAttempt) {
    return store.inTransaction("release a notification", c -> Sql.update(c,
        "UPDATE notify_outbox SET next_attempt_at = ?, lease_owner = NULL, lease_until = NULL "
            + "WHERE idempotency_key = ? AND status = 'pending' AND lease_owner = ?", nextAttempt.toEpochMilli(), key, owner) == 1);
  }

  /** Counts the items in one state (pending, sent, dead); for tests and stats. */
  long count(String status) {
    return store.inTransaction("count notifications", c -> Sql.count(c, "SELECT COUNT(*) FROM notify_outbox WHERE status = ?", status));
  }
}
