package dev.cidoctor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cidoctor.store.LearningStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void open_databaseAtAnOlderVersion_appliesOnlyWhatIsMissingAndKeepsTheData(String kind) throws Exception {
    TestStores.Target target = TestStores.target(kind, dir);
    try (LearningStore s = target.open()) {
      s.advanceWatermark("octo/app", Instant.ofEpochSecond(42));
      Connection c = ((JdbcPatternStore) s).connection();
      assertThat(Migrations.version(c)).isEqualTo(Migrations.FILES.size());
      try (Statement st = c.createStatement()) { // back to version 2, as a store written by an older cidoctor
        st.execute("DROP INDEX pattern_days_window");
        st.execute("DROP INDEX run_days_window_branch");
        st.execute("DROP INDEX jobs_fixes_by_repo");
        st.execute("CREATE INDEX pattern_days_by_day ON pattern_days (day)");
        st.execute("CREATE INDEX run_days_by_day ON run_days (day)");
        st.execute("DELETE FROM schema_version WHERE version >= 3");
      }
    }
    try (LearningStore s = target.open()) {
      assertThat(Migrations.version(((JdbcPatternStore) s).connection())).isEqualTo(Migrations.FILES.size());
      assertThat(s.watermark("octo/app")).contains(Instant.ofEpochSecond(42));
    }
  }

  @Test
  void statements_commentsAndMultiLineStatements_splitAtTheSemicolonAtLineEnd() {
    assertThat(Migrations.statements("-- a comment; not a statement\nCREATE TABLE t (\n  a TEXT -- x\n);\n\nDROP INDEX i;\n"))
        .containsExactly("CREATE TABLE t (\n  a TEXT -- x\n)", "DROP INDEX i");
  }

  @Test
  void statements_withoutAFinalSemicolon_isAProgrammerError() {
    assertThatThrownBy(() -> Migrations.statements("CREATE TABLE t (a TEXT)")).isInstanceOf(IllegalStateException.class)
        .hasMessage("migration ends without ';': CREATE TABLE t (a TEXT)");
  }
}
