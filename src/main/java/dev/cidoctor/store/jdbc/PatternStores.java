package dev.cidoctor.store.jdbc;

import dev.cidoctor.config.Config;
import dev.cidoctor.store.LearningStore;

/**
 * Opens the pattern store the configuration names: PostgreSQL when DATABASE_URL is a
 * {@code jdbc:postgresql} URL (user and password from it or DATABASE_USER / DATABASE_PASSWORD), else
 * the SQLite file at PATTERN_DB_PATH (default {@code ./data/patterns.db}, folder created on first use).
 */
public final class PatternStores {
  private PatternStores() {}

  /** Opens and, when needed, migrates the store; throws StoreException with one sentence when it cannot. */
  public static LearningStore open(Config config) {
    return new JdbcPatternStore(() -> Connections.open(config.values()));
  }

  /** Opens the SQLite file at {@code file}; for tests, benchmarks and tools. */
  public static LearningStore sqlite(java.nio.file.Path file) {
    return new JdbcPatternStore(() -> Connections.sqlite(file));
  }

  /** Opens a PostgreSQL database; user and password may be null when the URL carries them. */
  public static LearningStore postgres(String jdbcUrl, String user, String password) {
    return new JdbcPatternStore(() -> Connections.postgres(jdbcUrl, user, password));
  }

  /** The durable notification outbox in the same database as {@code store}. */
  public static dev.cidoctor.notify.Outbox outbox(LearningStore store) {
    if (store instanceof JdbcPatternStore j) {
      return new JdbcOutbox(j);
    }
    throw new IllegalArgumentException("not a JDBC pattern store: " + store.getClass().getName());
  }
}
