package dev.cidoctor.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.config.Config;
import dev.cidoctor.store.LearningStore;
import dev.cidoctor.store.jdbc.PatternStores;
import dev.cidoctor.testing.InMemoryCi;
import dev.cidoctor.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor on a real SQLite store: every failure it prints carries what the store remembers. */
class MonitorLearningTest {
  @TempDir Path dir;

  @Test
  void pollOnce_recurringFailure_printsItsHistoryAndVerdict() {
    MutableClock clock = new MutableClock(MonitorTest.T0.plus(Duration.ofHours(1)));
    InMemoryCi ci = new InMemoryCi();
    StringWriter printed = new StringWriter();
    try (LearningStore store = PatternStores.sqlite(dir.resolve("patterns.db"))) {
      MonitorSettings settings = MonitorSettings.from(new Config(List.of(), Map.of("GITHUB_REPO", "octo/app")), true);
      RunAnalyzer analyzer = new RunAnalyzer(ci, MonitorTest.ANALYZER, RunAnalyzer.JobDiagnoser.RULES_ONLY, 1 << 20, clock);
      Monitor m = new Monitor(ci, store, analyzer, settings, List.of(new MonitorPrinter(new PrintWriter(printed), clock, false, "INFO")),
          clock, "test");
      ci.run("octo/app", 101, 1, "failure", "aaa1111", MonitorTest.T0, Map.of("test", MonitorTest.PYTEST_LOG));
      m.pollOnce();
      ci.run("octo/app", 102, 1, "failure", "bbb2222", MonitorTest.T0.plusSeconds(600), Map.of("test", MonitorTest.PYTEST_LOG));
      clock.advance(Duration.ofMinutes(15));
      m.pollOnce();
    }

    String out = printed.toString();
    String second = out.substring(out.indexOf("#102"));
    assertThat(out.substring(0, out.indexOf("#102"))).contains("First occurrence of this failure.");
    assertThat(second).contains("Similar failures: once in the past week, once in all since 2026-11-20.");
    assertThat(second).contains("Verdict: known recurring");
  }
}
