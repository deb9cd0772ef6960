package dev.cidoctor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cidoctor.config.Config;
import dev.cidoctor.config.ConfigException;
import dev.cidoctor.store.LearningStore;
import dev.cidoctor.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/** A database file cidoctor cannot use gets one clear sentence, and the file is left as it was. */
class SqliteFileErrorsTest {
  @TempDir Path dir;

  @Test
  void open_fileThatIsNotADatabase_saysSoAndLeavesTheFileAlone() throws Exception {
    Path file = dir.resolve("patterns.db");
    byte[] garbage = "this is not a SQLite database, it is a text file that happens to be long enough".repeat(20).getBytes();
    Files.write(file, garbage);

    assertThatThrownBy(() -> PatternStores.sqlite(file)).isInstanceOf(StoreException.class).hasMessage("The pattern store " + file
        + " is not a readable SQLite database (corrupt or another kind of file); move it aside (cidoctor then starts a new one) "
        + "or set PATTERN_DB_PATH to another file.");
    assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
  }

  @Test
  void open_pathWhoseParentIsAFile_saysTheFolderCannotBeCreated() throws Exception {
    Files.writeString(dir.resolve("data"), "a file where the folder should be");
    Path file = dir.resolve("data/patterns.db");

    assertThatThrownBy(() -> PatternStores.sqlite(file)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("Cannot create the folder of the pattern store " + file + ": ")
        .hasMessageEndingWith("; set PATTERN_DB_PATH to a writable place.");
  }

  @Test
  void write_readOnlyDatabase_saysItCannotBeWritten() throws Exception {
    Path file = dir.resolve("patterns.db");
    PatternStores.sqlite(file).close();
    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true); // the same SQLITE_READONLY a read-only file gives; root ignores file modes
    try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, readOnly.toProperties());
        Statement s = c.createStatement()) {
      SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
          () -> s.execute("INSERT INTO watermarks (repo, created_at) VALUES ('octo/app', 1)"));

      assertThat(Errors.translate(e, "pattern store " + file, "advance the watermark").getMessage()).isEqualTo("The pattern store "
          + file + " cannot be written (read-only file or folder); make it and its folder writable or set PATTERN_DB_PATH to a writable file.");
    }
  }

  @Test
  void write_readOnlyFileForAnOrdinaryUser_failsWithTheSameSentence() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root writes read-only files anyway");
    Path file = dir.resolve("patterns.db");
    PatternStores.sqlite(file).close();
    file.toFile().setWritable(false);
    dir.toFile().setWritable(false);
    try {
      assertThatThrownBy(() -> {
        try (LearningStore s = PatternStores.sqlite(file)) {
          s.advanceWatermark("octo/app", java.time.Instant.EPOCH);
        }
      }).isInstanceOf(StoreException.class).hasMessageContaining("cannot be written (read-only file or folder)");
    } finally {
      dir.toFile().setWritable(true);
      file.toFile().setWritable(true);
    }
  }

  @Test
  void open_databaseUrlThatIsNotPostgres_isAConfigurationError() {
    Config config = new Config(java.util.List.of(), Map.of("DATABASE_URL", "mysql://u:secret@db/x"));

    assertThatThrownBy(() -> PatternStores.open(config)).isInstanceOf(ConfigException.class).hasMessage(
        "DATABASE_URL must be a jdbc:postgresql://HOST:PORT/DATABASE URL (or unset for the SQLite file at PATTERN_DB_PATH); "
            + "it starts with 'mysql:'.");
  }

  @Test
  void open_unreachablePostgres_namesTheServerButNeverThePassword() {
    Config config = new Config(java.util.List.of(), Map.of("DATABASE_URL",
        "jdbc:postgresql://127.0.0.1:1/cidoctor?user=ci&password=hunter2", "DATABASE_PASSWORD", "hunter2"));

    assertThatThrownBy(() -> PatternStores.open(config)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("Cannot reach the pattern store at PostgreSQL 127.0.0.1:1/cidoctor (")
        .hasMessageEndingWith("); check DATABASE_URL and that the server runs.")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }

  @Test
  void open_defaultPath_createsTheFolderOnFirstUse() {
    Path file = dir.resolve("nested/deeper/patterns.db");
    try (LearningStore s = PatternStores.sqlite(file)) {
      assertThat(s.watermark("octo/app")).isEmpty();
    }
    assertThat(file).isRegularFile();
  }
}
