package dev.cidoctor.store.jdbc;

import dev.cidoctor.model.JobOutcome;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.store.History;
import dev.cidoctor.store.LearningStore;
import dev.cidoctor.store.PriorRun;
import dev.cidoctor.store.PatternDetail;
import dev.cidoctor.store.Stats;
import dev.cidoctor.store.StatsQuery;
import dev.cidoctor.store.StoreException;
import dev.cidoctor.store.Verdict;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pattern store on SQLite or PostgreSQL through one JDBC connection. Calls are serialised on the
 * connection; several processes share a database safely because every write is one transaction
 * whose first statement locks the row it is about.
 */
final class JdbcPatternStore implements LearningStore {
  private static final int ATTEMPTS = 5;
  private static final Duration DELIVERY_MEMORY = Duration.ofDays(7);

  private final java.util.function.Supplier<Connections.Opened> opener;
  private final Dialect dialect;
  private final String description;
  private Connection c;

  /** Opens the store with {@code opener}, which is called again to reconnect to a PostgreSQL server that dropped the connection. */
  JdbcPatternStore(java.util.function.Supplier<Connections.Opened> opener) {
    this.opener = opener;
    Connections.Opened opened = opener.get();
    this.c = opened.connection();
    this.dialect = opened.dialect();
    this.description = opened.description();
    try {
      Migrations.migrate(c, dialect);
    } catch (SQLException e) {
      close();
      throw Errors.translate(e, description, "check or create its tables");
    }
  }

  Dialect dialect() {
    return dialect;
  }

  /** The connection, for the bulk loader and tests in this package; never shared across threads. */
  Connection connection() {
    return c;
  }

  @Override
  public synchronized boolean claim(String repo, long runId, int attempt, String owner, Instant now, Duration lease) {
    return write("claim " + repo + " run " + runId + " attempt " + attempt, () -> Sql.update(c,
        "INSERT INTO run_attempts (repo, run_id, attempt, claim_owner, claim_until) VALUES (?, ?, ?, ?, ?) "
            + "ON CONFLICT (repo, run_id, attempt) DO UPDATE SET claim_owner = excluded.claim_owner, "
            + "claim_until = excluded.claim_until WHERE run_attempts.processed_at IS NULL AND (run_attempts.claim_owner IS NULL "
            + "OR run_attempts.claim_owner = excluded.claim_owner OR run_attempts.claim_until < ?)",
        repo, runId, attempt, owner, now.plus(lease).toEpochMilli(), now.toEpochMilli()) == 1);
  }

  @Override
  public synchronized boolean processed(String repo, long runId, int attempt) {
    return read("read run attempts", () -> Sql.count(c, "SELECT COUNT(*) FROM run_attempts "
        + "WHERE repo = ? AND run_id = ? AND attempt = ? AND processed_at IS NOT NULL", repo, runId, attempt) > 0);
  }

  @Override
  public synchronized void recordRun(WorkflowRun run, List<JobOutcome> jobs, Instant now) {
    for (JobOutcome j : jobs) {
      if (j.job().runId() != run.id() && j.job().runId() != 0) {
        throw new IllegalArgumentException("job " + j.job().id() + " belongs to run " + j.job().runId() + ", not " + run.id());
      }
    }
    write("record " + run.key(), () -> {
      new RunRecorder(c).record(run, jobs, now);
      return null;
    });
  }

  @Override
  public synchronized Optional<Instant> watermark(String repo) {
    return read("read the watermark of " + repo, () -> Sql.first(c, "SELECT created_at FROM watermarks WHERE repo = ?",
        rs -> Instant.ofEpochMilli(rs.getLong(1)), repo));
  }

  @Override
  public synchronized void advanceWatermark(String repo, Instant createdAt) {
    write("advance the watermark of " + repo, () -> Sql.update(c, "INSERT INTO watermarks (repo, created_at) VALUES (?, ?) "
        + "ON CONFLICT (repo) DO UPDATE SET created_at = CASE WHEN excluded.created_at > watermarks.created_at "
        + "THEN excluded.created_at ELSE watermarks.created_at END", repo, createdAt.toEpochMilli()));
  }

  @Override
  public synchronized Optional<byte[]> cached(String key) {
    return read("read the response cache", () -> Sql.first(c, "SELECT value FROM response_cache WHERE cache_key = ?",
        rs -> rs.getBytes(1), key));
  }

  @Override
  public synchronized void cache(String key, byte[] value) {
    write("write the response cache", () -> Sql.update(c, "INSERT INTO response_cache (cache_key, value, updated_at) "
        + "VALUES (?, ?, ?) ON CONFLICT (cache_key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        key, value.clone(), System.currentTimeMillis()));
  }

  @Override
  public synchronized boolean firstDelivery(String deliveryId, Instant now) {
    return write("remember webhook delivery " + deliveryId, () -> {
      Sql.update(c, "DELETE FROM webhook_deliveries WHERE received_at < ?", now.minus(DELIVERY_MEMORY).toEpochMilli());
      return Sql.update(c, "INSERT INTO webhook_deliveries (delivery_id, received_at) VALUES (?, ?) "
          + "ON CONFLICT (delivery_id) DO NOTHING", deliveryId, now.toEpochMilli()) == 1;
    });
  }

  @Override
  public synchronized Optional<History> history(String fingerprint, Instant now) {
    return read("read the history of " + fingerprint, () -> new Queries(c).history(fingerprint, now));
  }

  @Override
  public synchronized Stats stats(StatsQuery query) {
    return read("compute statistics", () -> new StatsQueries(c).stats(query));
  }

  @Override
  public synchronized Verdict verdict(JobOutcome failure, String defaultBranch) {
    return read("judge " + failure.run().key(), () -> new VerdictQueries(c).verdict(failure, defaultBranch));
  }

  @Override
  public synchronized Optional<PatternDetail> pattern(String nameOrFingerprint, StatsQuery query) {
    return read("read pattern " + nameOrFingerprint, () -> new Queries(c).pattern(nameOrFingerprint, query));
  }

  @Override
  public synchronized void close() {
    try {
      c.close();
    } catch (SQLException e) {
      // closing a connection that failed: nothing left to release
    }
  }

  @Override
  public synchronized Optional<PriorRun> previousOnBranch(WorkflowRun run) {
    long created = run.createdAt().toEpochMilli();
    return read("find the run before " + run.repo() + " run " + run.id(), () -> {
      Optional<Object[]> prior = Sql.first(c, "SELECT run_id, attempt, conclusion FROM run_attempts "
              + "WHERE repo = ? AND workflow = ? AND branch = ? AND processed_at IS NOT NULL "
              + "AND (created_at < ? OR (run_id = ? AND attempt < ?)) AND NOT (run_id = ? AND attempt >= ?) "
              + "ORDER BY created_at DESC, run_id DESC, attempt DESC",
          rs -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3)},
          run.repo(), run.workflowName(), run.branch(), created, run.id(), run.attempt(), run.id(), run.attempt());
      if (prior.isEmpty()) {
        return Optional.<PriorRun>empty();
      }
      long id = (Long) prior.get()[0];
      int attempt = (Integer) prior.get()[1];
      List<String> fps = Sql.list(c, "SELECT DISTINCT fingerprint FROM jobs WHERE repo = ? AND run_id = ? AND attempt = ? "
          + "AND failed = 1 AND fingerprint IS NOT NULL ORDER BY fingerprint", rs -> rs.getString(1), run.repo(), id, attempt);
      return Optional.of(new PriorRun(id, attempt, (String) prior.get()[2], fps));
    });
  }

  /** Work that needs the connection, run in one transaction (retried on busy locks). */
  @FunctionalInterface
  interface ConnectionWork<T> {
    T run(Connection c) throws SQLException;
  }

  synchronized <T> T inTransaction(String action, ConnectionWork<T> work) {
    return write(action, () -> work.run(c));
  }

  /** A unit of work on the connection. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws SQLException;
  }

  private <T> T read(String action, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.run();
      } catch (SQLException e) {
        if (attempt == 1 && reconnected(e)) {
          continue;
        }
        throw Errors.translate(e, description, action);
      }
    }
  }

  /**
   * After a lost PostgreSQL connection (server restart, idle timeout, terminated backend) opens a new
   * one, so a daemon outlives its database's restart; the server rolled back whatever was in flight.
   */
  private boolean reconnected(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (dialect != Dialect.POSTGRESQL || !(state.startsWith("08") || state.equals("57P01"))) {
      return false;
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // it is already broken
    }
    try {
      c = opener.get().connection();
      return true;
    } catch (StoreException stillDown) {
      return false;
    }
  }

  /** Runs {@code work} in one transaction, retried when the database reports a deadlock or a busy lock. */
  private <T> T write(String action, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        c.setAutoCommit(false);
        try {
          T result = work.run();
          c.commit();
          return result;
        } catch (SQLException | RuntimeException | Error e) {
          rollbackQuietly();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      } catch (SQLException e) {
        if (attempt < ATTEMPTS && Errors.retryable(e)) {
          sleep(attempt);
          continue;
        }
        if (attempt == 1 && reconnected(e)) {
          continue;
        }
        throw Errors.translate(e, description, action);
      }
    }
  }

  private void rollbackQuietly() {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is gone; the database rolls back on its own
    }
  }

  private static void sleep(int attempt) {
    try {
      Thread.sleep(20L * attempt + (long) (Math.random() * 30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("Interrupted while waiting to retry a write to the pattern store.", e);
    }
  }
}
