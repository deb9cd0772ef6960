package dev.cidoctor.store.jdbc;

import static dev.cidoctor.store.jdbc.Runs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.store.LearningStore;
import dev.cidoctor.store.PatternDetail;
import dev.cidoctor.store.Stats;
import dev.cidoctor.store.StatsQuery;
import dev.cidoctor.store.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Patterns, trends and verdicts computed by the database, on SQLite and PostgreSQL. */
class LearningQueriesTest {
  private static final Diagnosis STEADY = Runs.diagnosis("python.assert.http-status", "E       assert 200 == 201");
  private static final Diagnosis RISING = Runs.diagnosis(null, "ConnectionRefusedError: [Errno 111] Connection refused");
  private static final Instant NOW = T0.plus(Duration.ofDays(40));

  @TempDir Path dir;

  private long nextRun = 1;

  private void fail(LearningStore s, String repo, String branch, Diagnosis d, Instant at) {
    WorkflowRun run = Runs.run(repo, nextRun, 1, branch, "sha" + nextRun, "failure", at);
    s.recordRun(run, List.of(Runs.failed(run, nextRun * 10, "test", d)), NOW);
    nextRun++;
  }

  private void pass(LearningStore s, String repo, String branch, Instant at) {
    WorkflowRun run = Runs.run(repo, nextRun, 1, branch, "sha" + nextRun, "success", at);
    s.recordRun(run, List.of(Runs.passed(run, nextRun * 10, "test")), NOW);
    nextRun++;
  }

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void stats_patternTripledInTheLastWeek_isFlaggedRisingAndTheSteadyOneIsNot(String kind) {
    try (LearningStore s = TestStores.target(kind, dir).open()) {
      for (int day = 1; day <= 35; day++) { // one a day for five weeks: steady
        fail(s, "octo/app", "main", STEADY, NOW.minus(Duration.ofDays(day)));
      }
      for (int i = 0; i < 4; i++) { // 4 in the 28 days before, then 12 in the last week
        fail(s, "octo/api", "main", RISING, NOW.minus(Duration.ofDays(10 + i)));
      }
      for (int i = 0; i < 12; i++) {
        fail(s, "octo/api", "dev", RISING, NOW.minus(Duration.ofHours(10 * i + 1)));
      }

      Stats st = s.stats(new StatsQuery(null, NOW.minus(Duration.ofDays(60)), NOW, 10));

      assertThat(st.trends()).filteredOn(t -> t.kind().equals("rising")).singleElement().satisfies(t -> {
        assertThat(t.fingerprint()).isEqualTo(RISING.fingerprint());
        assertThat(t.evidence()).isEqualTo("12 in the last 7 days against 1.0 expected from the 28 before (4)");
      });
      assertThat(st.patterns()).extracting(p -> p.fingerprint() + "=" + p.occurrences())
          .containsExactly(STEADY.fingerprint() + "=35", RISING.fingerprint() + "=16");
      assertThat(st.categories()).containsEntry("test_failure", 51L);
      assertThat(st.failures()).isEqualTo(51);
      assertThat(st.branches()).extracting(b -> b.repo() + " " + b.branch() + " " + b.failedRuns() + "/" + b.runs())
          .containsExactly("octo/app main 35/35", "octo/api dev 12/12", "octo/api main 4/4");

      Stats apiOnly = s.stats(new StatsQuery("octo/api", NOW.minus(Duration.ofDays(60)), NOW, 10));
      assertThat(apiOnly.patterns()).singleElement().satisfies(p -> assertThat(p.repos()).containsExactly("octo/api"));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void pattern_byNameOrFingerprintPrefix_showsDaysBranchesOccurrencesAndFixes(String kind) {
    try (LearningStore s = TestStores.target(kind, dir).open()) {
      Instant day1 = NOW.minus(Duration.ofDays(3));
      fail(s, "octo/app", "main", STEADY, day1);
      fail(s, "octo/app", "main", STEADY, day1.plusSeconds(3600));
      pass(s, "octo/app", "main", day1.plusSeconds(7200));
      fail(s, "octo/web", "release", STEADY, NOW.minus(Duration.ofDays(1)));
      StatsQuery all = new StatsQuery(null, NOW.minus(Duration.ofDays(30)), NOW, 10);

      PatternDetail byName = s.pattern("python.assert.http-status", all).orElseThrow();
      PatternDetail byPrefix = s.pattern(STEADY.fingerprint().substring("sha256:".length(), 15), all).orElseThrow();

      assertThat(byPrefix.summary().fingerprint()).isEqualTo(byName.summary().fingerprint()).isEqualTo(STEADY.fingerprint());
      assertThat(byName.summary().occurrences()).isEqualTo(3);
      assertThat(byName.perDay()).hasSize(2).containsEntry(LocalDate.ofInstant(day1.plusSeconds(200), java.time.ZoneOffset.UTC), 2L);
      assertThat(byName.summary().repos()).containsExactly("octo/app", "octo/web");
      assertThat(byName.branches()).containsExactlyInAnyOrder("main", "release");
      assertThat(byName.recent()).hasSize(3).first().satisfies(o -> assertThat(o.repo()).isEqualTo("octo/web"));
      assertThat(byName.fixes()).singleElement().satisfies(f -> assertThat(f.sha()).isEqualTo("sha3"));
      assertThat(s.pattern("no-such-pattern", all)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void verdict_featureBranchFailingLikeMain_isAlreadyFailingOnTheDefaultBranch(String kind) {
    try (LearningStore s = TestStores.target(kind, dir).open()) {
      pass(s, "octo/app", "feature", NOW.minus(Duration.ofDays(2)));
      fail(s, "octo/app", "main", STEADY, NOW.minus(Duration.ofDays(1)));
      WorkflowRun run = Runs.run("octo/app", 100, 1, "feature", "abc", "failure", NOW.minus(Duration.ofHours(1)));
      var failure = Runs.failed(run, 1000, "test", STEADY);
      s.recordRun(run, List.of(failure), NOW);

      assertThat(s.verdict(failure, "main")).isEqualTo(new Verdict(Verdict.Kind.ALREADY_FAILING_ON_DEFAULT_BRANCH,
          "the latest run on main (run 2) failed with the same pattern python.assert.http-status"));
      assertThat(s.verdict(failure, "develop").kind()).isEqualTo(Verdict.Kind.KNOWN_RECURRING);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void verdict_firstFailureAfterGreen_isNew(String kind) {
    try (LearningStore s = TestStores.target(kind, dir).open()) {
      pass(s, "octo/app", "main", NOW.minus(Duration.ofDays(2)));
      WorkflowRun run = Runs.run("octo/app", 100, 1, "main", "abc", "failure", NOW.minus(Duration.ofHours(1)));
      var failure = Runs.failed(run, 1000, "test", STEADY);
      s.recordRun(run, List.of(failure), NOW);

      assertThat(s.verdict(failure, "main")).isEqualTo(new Verdict(Verdict.Kind.NEW,
          "first occurrence of pattern python.assert.http-status; the previous run on main (run 1) passed"));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void stats_failureRateTripledOnOneBranch_flagsItsRepoWorkflowAndBranchButNotBusierOrTinyOnes(String kind) {
    try (LearningStore s = TestStores.target(kind, dir).open()) {
      runs(s, "octo/app", "main", 40, 4, 8); // one in ten failing for four weeks,
      runs(s, "octo/app", "main", 20, 12, 0); // then 12 of 20 in the last week
      runs(s, "octo/app", "dev", 40, 4, 8); // steady on dev
      runs(s, "octo/app", "dev", 40, 4, 0);
      runs(s, "octo/busy", "main", 40, 4, 8); // ten times the failures from two and a half times the runs: same rate
      runs(s, "octo/busy", "main", 100, 10, 0);
      runs(s, "octo/tiny", "main", 10, 0, 8); // 3 of 3 after none: too few to tell
      runs(s, "octo/tiny", "main", 3, 3, 0);

      Stats st = s.stats(new StatsQuery(null, NOW.minus(Duration.ofDays(60)), NOW, 10));

      assertThat(st.rateTrends()).extracting(t -> t.scope() + " " + t.repo() + " " + t.workflow() + " " + t.branch() + " "
          + t.recentFailedRuns() + "/" + t.recentRuns() + " " + t.baselineFailedRuns() + "/" + t.baselineRuns())
          .containsExactly("repo octo/app null null 16/60 8/80", "workflow octo/app CI null 16/60 8/80",
              "branch octo/app null main 12/20 4/40");
      assertThat(st.rateTrends().get(2).evidence())
          .isEqualTo("12 of 20 runs failed in the last 7 days (60.0%) against 10.0% of 40 in the 28 before (2.0 expected)");
      assertThat(s.stats(new StatsQuery("octo/busy", NOW.minus(Duration.ofDays(60)), NOW, 10)).rateTrends()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void stats_withRepo_newAndBackFlagsAreAboutThatRepo(String kind) {
    try (LearningStore s = TestStores.target(kind, dir).open()) {
      fail(s, "octo/app", "main", STEADY, NOW.minus(Duration.ofDays(20)));
      pass(s, "octo/app", "main", NOW.minus(Duration.ofDays(19))); // run 2, sha2, fixes it
      fail(s, "octo/app", "main", STEADY, NOW.minus(Duration.ofDays(2))); // back in octo/app
      fail(s, "octo/web", "main", STEADY, NOW.minus(Duration.ofDays(1))); // new to octo/web, old elsewhere
      fail(s, "octo/api", "main", RISING, NOW.minus(Duration.ofDays(1))); // new everywhere, never in octo/app or octo/web
      Instant since = NOW.minus(Duration.ofDays(60));

      Stats app = s.stats(new StatsQuery("octo/app", since, NOW, 10));
      Stats web = s.stats(new StatsQuery("octo/web", since, NOW, 10));
      Stats all = s.stats(new StatsQuery(null, since, NOW, 10));

      assertThat(app.trends()).extracting(t -> t.kind() + " " + t.name() + ": " + t.evidence()).containsExactly(
          "back python.assert.http-status: fixed in octo/app by sha2 on 2026-11-22T10:05:00Z, seen again 2026-12-09T10:03:20Z");
      assertThat(web.trends()).extracting(t -> t.kind() + " " + t.name() + ": " + t.evidence()).containsExactly(
          "new python.assert.http-status: first seen in octo/web on 2026-12-10, elsewhere since 2026-11-21");
      assertThat(all.trends()).extracting(t -> t.kind() + " " + t.fingerprint())
          .containsExactly("new " + RISING.fingerprint(), "back " + STEADY.fingerprint());
    }
  }

  /** Records {@code runs} runs on the branch, the first {@code failed} of them failing, spread over 6 days from {@code daysAgo} back. */
  private void runs(LearningStore s, String repo, String branch, int runs, int failed, int daysAgo) {
    for (int i = 0; i < runs; i++) {
      Instant at = NOW.minus(Duration.ofDays(daysAgo)).minus(Duration.ofMinutes(6L * 24 * 60 * i / runs + 1));
      if (i < failed) {
        fail(s, repo, branch, RISING, at);
      } else {
        pass(s, repo, branch, at);
      }
    }
  }
}
