package dev.cidoctor.store.jdbc;

import static dev.cidoctor.store.jdbc.Runs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.JobOutcome;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.store.LearningStore;
import dev.cidoctor.store.Stats;
import dev.cidoctor.store.StatsQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The roll-ups every write keeps in step agree with a recount from the jobs, after re-recordings, fixes and flakes. */
class RollupsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void rebuild_afterAMixedHistory_changesNoStatistic(String kind) throws Exception {
    Instant now = T0.plus(Duration.ofDays(20));
    try (LearningStore s = TestStores.target(kind, dir).open()) {
      Random random = new Random(3);
      List<Diagnosis> causes = List.of(Runs.diagnosis("a.rule", "boom"), Runs.diagnosis(null, "Connection refused"),
          Runs.diagnosis("b.rule", "E assert 1 == 2"));
      for (int i = 1; i <= 120; i++) {
        int runId = 1 + random.nextInt(60); // about half are recorded again, some with another outcome
        int attempt = 1 + random.nextInt(2);
        boolean green = random.nextInt(3) == 0;
        String branch = random.nextBoolean() ? "main" : "dev";
        WorkflowRun run = Runs.run("octo/app", runId, attempt, branch, "sha" + runId, green ? "success" : "failure",
            T0.plus(Duration.ofHours(runId * 5L)));
        JobOutcome job = green ? Runs.passed(run, runId * 10L + attempt, "test")
            : new JobOutcome(run, Runs.job(run, runId * 10L + attempt, "test", "failure"), causes.get(random.nextInt(3)),
                new AnalysisCost(random.nextInt(2) * 0.01, 100, 10, 5));
        s.recordRun(run, List.of(job), now);
      }
      StatsQuery q = new StatsQuery(null, T0.minus(Duration.ofDays(1)), now, 50);
      Stats incremental = s.stats(q);
      List<Object> histories = causes.stream().map(d -> (Object) s.history(d.fingerprint(), now)).toList();

      Rollups.rebuild(((JdbcPatternStore) s).connection());

      Stats recounted = s.stats(q);
      assertThat(incremental.failures()).isPositive();
      assertThat(incremental.flakyJobs()).isNotEmpty();
      assertThat(incremental.recoveries()).isPositive();
      assertThat(causes.stream().map(d -> (Object) s.history(d.fingerprint(), now)).toList()).isEqualTo(histories);
      assertThat(recounted.patterns()).isEqualTo(incremental.patterns());
      assertThat(recounted.categories()).isEqualTo(incremental.categories());
      assertThat(recounted.workflows()).isEqualTo(incremental.workflows());
      assertThat(recounted.flakyJobs()).isEqualTo(incremental.flakyJobs());
      assertThat(recounted.recoveries()).isEqualTo(incremental.recoveries());
      assertThat(recounted.meanTimeToRecovery()).isEqualTo(incremental.meanTimeToRecovery());
      assertThat(recounted.monthSpend().analyses()).isEqualTo(incremental.monthSpend().analyses());
      assertThat(recounted.monthSpend().dollars()).isCloseTo(incremental.monthSpend().dollars(), org.assertj.core.data.Offset.offset(1e-9));
    }
  }
}
