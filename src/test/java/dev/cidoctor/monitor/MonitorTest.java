package dev.cidoctor.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.analysis.Analyzer;
import dev.cidoctor.config.Config;
import dev.cidoctor.model.JobOutcome;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.testing.InMemoryCi;
import dev.cidoctor.testing.InMemoryPatternStore;
import dev.cidoctor.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitorTest {
  static final Analyzer ANALYZER = Analyzer.withRules(List.of());
  static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  static final String PYTEST_LOG = dev.cidoctor.testing.SampleLogs.PYTEST_DB_REFUSED;

  final MutableClock clock = new MutableClock(T0.plus(Duration.ofHours(1)));
  final InMemoryCi ci = new InMemoryCi();
  final InMemoryPatternStore store = new InMemoryPatternStore();
  final StringWriter printed = new StringWriter();

  Monitor monitor(String owner, String... repos) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("GITHUB_REPO", String.join(",", repos));
    MonitorSettings settings = MonitorSettings.from(new Config(List.of(), env), true);
    RunAnalyzer analyzer = new RunAnalyzer(ci, ANALYZER, RunAnalyzer.JobDiagnoser.RULES_ONLY, 1 << 20, clock);
    return new Monitor(ci, store, analyzer, settings,
        List.of(new MonitorPrinter(new PrintWriter(printed), clock, false, "INFO")), clock, owner);
  }

  @Test
  void pollOnce_failedAndPassedRuns_printsBothAndRecordsTheDiagnosis() {
    ci.run("octo/app", 101, 1, "success", "aaa1111", T0, Map.of(), "build");
    ci.run("octo/app", 102, 1, "failure", "bbb2222", T0.plusSeconds(600), Map.of("test", PYTEST_LOG), "build");

    Monitor.Cycle cycle = monitor("a", "octo/app").pollOnce();

    assertThat(cycle.processed()).isEqualTo(2);
    assertThat(printed.toString())
        .contains("[2026-11-20 11:00:00] \u2705 Workflow \"CI\" #101 succeeded in octo/app on main")
        .contains("\u274c Workflow \"CI\" #102 failed in octo/app on main (1 of 2 jobs failed)")
        .contains("Root cause (job test): ")
        .contains("Pattern stored");
    assertThat(store.recordedRuns()).containsExactly("octo/app#101.1", "octo/app#102.1");
    JobOutcome test = store.jobs("octo/app#102.1").stream().filter(o -> o.job().name().equals("test")).findFirst().orElseThrow();
    assertThat(test.diagnosis()).isNotNull();
    assertThat(test.diagnosis().evidence().get(0).line()).isEqualTo(4);
    assertThat(test.diagnosis().failedTests()).contains("tests/test_db.py::test_insert");
  }

  @Test
  void pollOnce_again_processesNothingNewAndDownloadsNothing() {
    ci.run("octo/app", 102, 1, "failure", "bbb2222", T0, Map.of("test", PYTEST_LOG));
    Monitor m = monitor("a", "octo/app");
    m.pollOnce();
    int downloads = ci.calls("downloadJobLog");

    Monitor.Cycle second = m.pollOnce();

    assertThat(second.processed()).isZero();
    assertThat(ci.calls("downloadJobLog")).isEqualTo(downloads);
    assertThat(store.recordCalls("octo/app#102.1")).isEqualTo(1);
  }

  @Test
  void pollOnce_recordFailsMidway_nothingRecordedThenTheNextCycleRecordsItOnce() {
    ci.run("octo/app", 102, 1, "failure", "bbb2222", T0, Map.of("test", PYTEST_LOG));
    store.failNextRecord(new IllegalStateException("The database is locked."));
    Monitor m = monitor("a", "octo/app");

    Monitor.Cycle first = m.pollOnce();
    Monitor.Cycle second = m.pollOnce();

    assertThat(first.failedToProcess()).isEqualTo(1);
    assertThat(printed.toString()).contains("Could not process run #102 (id 102, attempt 1) of octo/app: The database is locked. It will be tried again.");
    assertThat(second.processed()).isEqualTo(1);
    assertThat(store.recordCalls("octo/app#102.1")).isEqualTo(1);
  }

  @Test
  void pollOnce_afterAKilledDaemon_waitsForItsClaimToExpireThenProcessesOnce() {
    WorkflowRun run = ci.run("octo/app", 102, 1, "failure", "bbb2222", T0, Map.of("test", PYTEST_LOG));
    // the killed daemon claimed the attempt and died before recording it
    assertThat(store.claim("octo/app", run.id(), 1, "dead", clock.instant(), Monitor.CLAIM_LEASE)).isTrue();
    Monitor restarted = monitor("b", "octo/app");

    Monitor.Cycle whileClaimed = restarted.pollOnce();
    clock.advance(Monitor.CLAIM_LEASE.plusSeconds(1));
    Monitor.Cycle afterLease = restarted.pollOnce();
    Monitor.Cycle again = restarted.pollOnce();

    assertThat(whileClaimed.processed()).isZero();
    assertThat(afterLease.processed()).isEqualTo(1);
    assertThat(again.processed()).isZero();
    assertThat(store.recordCalls("octo/app#102.1")).isEqualTo(1);
  }

  @Test
  void pollOnce_oneRepoUnauthorized_reportsItAndWatchesTheOthers() {
    ci.breakRepo("octo/secret");
    ci.run("octo/app", 101, 1, "success", "aaa1111", T0, Map.of(), "build");

    Monitor.Cycle cycle = monitor("a", "octo/secret", "octo/app").pollOnce();

    assertThat(cycle.reposSkipped()).isEqualTo(1);
    assertThat(cycle.processed()).isEqualTo(1);
    assertThat(printed.toString()).contains("Skipping octo/secret this cycle: Cannot read octo/secret: GitHub answered 401 Unauthorized.");
  }

  @Test
  void pollOnce_inProgressRun_waitsUntilItCompletes() {
    ci.run("octo/app", 102, 1, null, "bbb2222", T0, Map.of("test", PYTEST_LOG));
    Monitor m = monitor("a", "octo/app");
    assertThat(m.pollOnce().processed()).isZero();

    ci.run("octo/app", 102, 1, "failure", "bbb2222", T0, Map.of("test", PYTEST_LOG));
    clock.advance(Duration.ofMinutes(5));

    assertThat(m.pollOnce().processed()).isEqualTo(1);
    assertThat(store.watermark("octo/app")).contains(T0);
  }

  @Test
  void pollOnce_rerunAttempt_isProcessedAsItsOwnAttempt() {
    ci.run("octo/app", 102, 1, "failure", "bbb2222", T0, Map.of("test", PYTEST_LOG));
    Monitor m = monitor("a", "octo/app");
    m.pollOnce();
    ci.run("octo/app", 102, 2, "success", "bbb2222", T0, Map.of(), "test");

    assertThat(m.pollOnce().processed()).isEqualTo(1);
    assertThat(store.recordedRuns()).containsExactly("octo/app#102.1", "octo/app#102.2");
    assertThat(printed.toString()).contains("Workflow \"CI\" #102 (attempt 2) succeeded");
  }

  @Test
  void pollOnce_firstStart_looksBackOnlyTheConfiguredWindow() {
    ci.run("octo/app", 90, 1, "failure", "old0000", T0.minus(Duration.ofDays(3)), Map.of("test", PYTEST_LOG));
    ci.run("octo/app", 102, 1, "success", "bbb2222", T0, Map.of(), "build");

    monitor("a", "octo/app").pollOnce();

    assertThat(store.recordedRuns()).containsExactly("octo/app#102.1");
  }

  @Test
  void pollOnce_matrixJobsFailingAlike_collapseIntoOneCause() {
    Map<String, String> failed = new LinkedHashMap<>();
    failed.put("test (3.11)", PYTEST_LOG);
    failed.put("test (3.12)", PYTEST_LOG);
    ci.run("octo/app", 102, 1, "failure", "bbb2222", T0, failed);

    monitor("a", "octo/app").pollOnce();

    assertThat(printed.toString()).contains("Root cause (2 jobs: test (3.11), test (3.12)): ");
    assertThat(printed.toString().split("Root cause", -1)).hasSize(2);
  }

  @Test
  void runDaemon_stop_returnsAfterTheCycleInHand() throws Exception {
    ci.run("octo/app", 101, 1, "success", "aaa1111", T0, Map.of(), "build");
    Monitor m = monitor("a", "octo/app");
    Thread t = new Thread(() -> m.runDaemon(Duration.ofHours(1)));
    t.start();
    while (store.recordedRuns().isEmpty()) {
      Thread.sleep(10);
    }

    m.stop();
    t.join(10_000);

    assertThat(t.isAlive()).isFalse();
  }
}
