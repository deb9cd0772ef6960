package dev.cidoctor.store.jdbc;

import dev.cidoctor.store.LearningStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The real databases the store tests run against: a SQLite file in a temporary folder, and a fresh
 * database on the PostgreSQL server named by CIDOCTOR_TEST_DATABASE_URL ({@code .ci/run} starts one);
 * without that variable the PostgreSQL cases are skipped, saying why.
 */
final class TestStores {
  static final String PG_ENV = "CIDOCTOR_TEST_DATABASE_URL";

  /** Where a store lives, so a test can open it again (a restart) or open a second one (another daemon). */
  interface Target {
    LearningStore open();

    String name();
  }

  private TestStores() {}

  static Stream<Arguments> both() {
    return Stream.of(Arguments.of("sqlite"), Arguments.of("postgresql"));
  }

  static Target target(String kind, Path dir) {
    return kind.equals("sqlite") ? sqlite(dir.resolve("data/patterns.db")) : postgres();
  }

  static Target sqlite(Path file) {
    return new Target() {
      @Override
      public LearningStore open() {
        return PatternStores.sqlite(file);
      }

      @Override
      public String name() {
        return "sqlite " + file;
      }
    };
  }

  /** A fresh database on the test server; skips the test when there is no server. */
  static Target postgres() {
    String admin = System.getenv(PG_ENV);
    Assumptions.assumeTrue(admin != null && !admin.isBlank(),
        PG_ENV + " is not set, so there is no PostgreSQL server to test against (.ci/run starts one and sets it)");
    String db = "cidoctor_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = new org.postgresql.Driver().connect(admin, new Properties()); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database on " + Connections.safe(admin), e);
    }
    String url = withDatabase(admin, db);
    return new Target() {
      @Override
      public LearningStore open() {
        return PatternStores.postgres(url, null, null);
      }

      @Override
      public String name() {
        return "postgresql " + db;
      }
    };
  }

  /** The admin URL with its database path replaced by {@code db}. */
  static String withDatabase(String url, String db) {
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    String params = q < 0 ? "" : url.substring(q);
    int slash = base.indexOf('/', "jdbc:postgresql://".length());
    return (slash < 0 ? base : base.substring(0, slash)) + "/" + db + params;
  }
}
