package dev.cidoctor.store.jdbc;

import static dev.cidoctor.store.jdbc.Runs.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Job;
import dev.cidoctor.model.JobOutcome;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.store.History;
import dev.cidoctor.store.LearningStore;
import dev.cidoctor.store.Stats;
import dev.cidoctor.store.StatsQuery;
import dev.cidoctor.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The PatternStore contract, on a real SQLite file and a real PostgreSQL server. */
class JdbcPatternStoreTest {
  private static final Diagnosis REFUSED = Runs.diagnosis(null, "ConnectionRefusedError: [Errno 111] Connection refused");
  private static final Diagnosis ASSERT = Runs.diagnosis("python.assert.http-status", "E       assert 200 == 201");
  private static final Instant NOW = T0.plus(Duration.ofDays(3));

  @TempDir Path dir;

  private static Stats stats(LearningStore s) {
    return s.stats(new StatsQuery(null, T0.minus(Duration.ofDays(30)), NOW, 20));
  }

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void recordRun_sameAttemptTwice_updatesAndNeverDuplicates(String kind) {
    try (LearningStore s = TestStores.target(kind, dir).open()) {
      WorkflowRun run = Runs.run("octo/app", 1, 1, "main", "aaa1111", "failure", T0);
      s.recordRun(run, List.of(Runs.failed(run, 11, "test", ASSERT), Runs.passed(run, 12, "lint")), NOW);
      s.recordRun(run, List.of(Runs.failed(run, 11, "test", REFUSED), Runs.passed(run, 12, "lint")), NOW);

      Stats st = stats(s);
      assertThat(st.failures()).isEqualTo(1);
      assertThat(st.patterns()).singleElement().satisfies(p -> {
        assertThat(p.fingerprint()).isEqualTo(REFUSED.fingerprint());
        assertThat(p.name()).isEqualTo("connectionrefusederror_errno_connection_refused");
        assertThat(p.occurrences()).isEqualTo(1);
      });
      assertThat(st.workflows()).singleElement().satisfies(w -> {
        assertThat(w.runs()).isEqualTo(1);
        assertThat(w.failedRuns()).isEqualTo(1);
      });
      assertThat(s.processed("octo/app", 1, 1)).isTrue();
      assertThat(s.processed("octo/app", 1, 2)).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void claim_heldByAnotherOwner_refusedUntilTheLeaseExpires(String kind) {
    try (LearningStore s = TestStores.target(kind, dir).open()) {
      Duration lease = Duration.ofMinutes(5);
      assertThat(s.claim("octo/app", 7, 1, "daemon-a", T0, lease)).isTrue();
      assertThat(s.claim("octo/app", 7, 1, "daemon-b", T0.plusSeconds(60), lease)).isFalse();
      assertThat(s.claim("octo/app", 7, 1, "daemon-a", T0.plusSeconds(60), lease)).isTrue();
      assertThat(s.claim("octo/app", 7, 1, "daemon-b", T0.plusSeconds(60 + 301), lease)).isTrue();

      WorkflowRun run = Runs.run("octo/app", 7, 1, "main", "bbb", "success", T0);
      s.recordRun(run, List.of(Runs.passed(run, 71, "test")), T0.plusSeconds(400));
      assertThat(s.claim("octo/app", 7, 1, "daemon-c", T0.plus(Duration.ofDays(1)), lease)).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void watermarkCacheAndDeliveries_afterARestart_areKept(String kind) {
    TestStores.Target target = TestStores.target(kind, dir);
    try (LearningStore s = target.open()) {
      s.advanceWatermark("octo/app", T0.plusSeconds(100));
      s.advanceWatermark("octo/app", T0); // never backward
      s.cache("GET /repos/octo/app/actions/runs", "etag-1".getBytes(StandardCharsets.UTF_8));
      s.cache("GET /repos/octo/app/actions/runs", "etag-2".getBytes(StandardCharsets.UTF_8));
      assertThat(s.firstDelivery("d-1", T0)).isTrue();
    }
    try (LearningStore s = target.open()) {
      assertThat(s.watermark("octo/app")).contains(T0.plusSeconds(100));
      assertThat(s.watermark("octo/other")).isEmpty();
      assertThat(s.cached("GET /repos/octo/app/actions/runs")).hasValueSatisfying(
          v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("etag-2"));
      assertThat(s.cached("missing")).isEmpty();
      assertThat(s.firstDelivery("d-1", T0.plusSeconds(5))).isFalse();
      assertThat(s.firstDelivery("d-2", T0.plusSeconds(5))).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void recordRun_failureThenGreenOnTheSameBranch_remembersTheFix(String kind) {
    try (LearningStore s = TestStores.target(kind, dir).open()) {
      WorkflowRun red = Runs.run("octo/app", 1, 1, "main", "aaa1111111", "failure", T0);
      s.recordRun(red, List.of(Runs.failed(red, 11, "test", ASSERT)), NOW);
      WorkflowRun otherBranch = Runs.run("octo/app", 2, 1, "feature", "ccc3333333", "success", T0.plusSeconds(600));
      s.recordRun(otherBranch, List.of(Runs.passed(otherBranch, 21, "test")), NOW);
      assertThat(s.history(ASSERT.fingerprint(), NOW).orElseThrow().lastFix()).isEmpty();

      WorkflowRun green = Runs.run("octo/app", 3, 1, "main", "bbb2222222", "success", T0.plusSeconds(3600));
      s.recordRun(green, List.of(Runs.passed(green, 31, "test")), NOW);

      History h = s.history(ASSERT.fingerprint(), NOW).orElseThrow();
      assertThat(h.name()).isEqualTo("python.assert.http-status");
      assertThat(h.occurrences()).isEqualTo(1);
      assertThat(h.firstOccurrence()).isTrue();
      assertThat(h.lastFix()).hasValueSatisfying(f -> {
        assertThat(f.sha()).isEqualTo("bbb2222222");
        assertThat(f.shortSha()).isEqualTo("bbb2222");
        assertThat(f.message()).isEqualTo("commit bbb2222222");
        assertThat(f.runId()).isEqualTo(3);
      });
      Stats st = stats(s);
      assertThat(st.recoveries()).isEqualTo(1);
      // failed job completed at T0+200 s, the green run at T0+3600+300 s
      assertThat(st.meanTimeToRecovery()).contains(Duration.ofSeconds(3700));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void recordRun_greenRecordedBeforeTheOlderFailure_stillFindsTheFix(String kind) {
    try (LearningStore s = TestStores.target(kind, dir).open()) {
      WorkflowRun green = Runs.run("octo/app", 3, 1, "main", "bbb2222222", "success", T0.plusSeconds(3600));
      s.recordRun(green, List.of(Runs.passed(green, 31, "test")), NOW);
      WorkflowRun red = Runs.run("octo/app", 1, 1, "main", "aaa1111111", "failure", T0);
      s.recordRun(red, List.of(Runs.failed(red, 11, "test", ASSERT)), NOW);

      assertThat(s.history(ASSERT.fingerprint(), NOW).orElseThrow().lastFix()).hasValueSatisfying(
          f -> assertThat(f.sha()).isEqualTo("bbb2222222"));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void recordRun_sameCommitFailedThenPassed_marksTheJobFlaky(String kind) {
    try (LearningStore s = TestStores.target(kind, dir).open()) {
      WorkflowRun first = Runs.run("octo/app", 5, 1, "main", "fff", "failure", T0);
      s.recordRun(first, List.of(Runs.failed(first, 51, "integration", REFUSED), Runs.passed(first, 52, "lint")), NOW);
      WorkflowRun rerun = Runs.run("octo/app", 5, 2, "main", "fff", "success", T0);
      s.recordRun(rerun, List.of(Runs.passed(rerun, 53, "integration")), NOW);

      Stats st = stats(s);
      assertThat(st.flakyJobs()).singleElement().satisfies(f -> {
        assertThat(f.job()).isEqualTo("integration");
        assertThat(f.flakyCommits()).isEqualTo(1);
        assertThat(f.flakeRate()).isEqualTo(1.0);
      });
      assertThat(s.history(REFUSED.fingerprint(), NOW).orElseThrow().flakyCommits()).isEqualTo(1);
      assertThat(s.history(REFUSED.fingerprint(), NOW).orElseThrow().lastFix()).hasValueSatisfying(
          f -> assertThat(f.runId()).isEqualTo(5));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void recordRun_failingInsideTheTransaction_leavesNothingHalfWritten(String kind) {
    TestStores.Target target = TestStores.target(kind, dir);
    try (LearningStore s = target.open()) {
      WorkflowRun run = Runs.run("octo/app", 9, 1, "main", "ddd", "failure", T0);
      Job nameless = new Job(92, 9, 1, null, "completed", "failure", T0, T0, null, null, List.of());
      List<JobOutcome> jobs = List.of(Runs.failed(run, 91, "test", ASSERT), new JobOutcome(run, nameless, REFUSED, null));

      assertThatThrownBy(() -> s.recordRun(run, jobs, NOW)).isInstanceOf(StoreException.class)
          .hasMessageStartingWith("The pattern store").hasMessageContaining("failed to record octo/app#9.1");

      assertThat(s.processed("octo/app", 9, 1)).isFalse();
      assertThat(stats(s).failures()).isZero();
      assertThat(s.history(ASSERT.fingerprint(), NOW)).isEmpty();
      s.recordRun(run, List.of(Runs.failed(run, 91, "test", ASSERT)), NOW); // the store still works
      assertThat(stats(s).failures()).isEqualTo(1);
    }
  }
}
