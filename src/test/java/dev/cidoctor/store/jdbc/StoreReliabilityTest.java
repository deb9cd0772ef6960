package dev.cidoctor.store.jdbc;

import static dev.cidoctor.store.jdbc.Runs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.model.JobOutcome;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.store.LearningStore;
import dev.cidoctor.store.Stats;
import dev.cidoctor.store.StatsQuery;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Two daemons on one database, and a writer killed mid-write: nothing is counted twice or half. */
class StoreReliabilityTest {
  private static final int RUNS = 60;

  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void twoDaemons_claimingAndRecordingTheSameAttempts_neverDoubleCount(String kind) throws Exception {
    TestStores.Target target = TestStores.target(kind, dir);
    try (LearningStore a = target.open(); LearningStore b = target.open()) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<Integer> byA = pool.submit(daemon(a, "daemon-a", 1));
        Future<Integer> byB = pool.submit(daemon(b, "daemon-b", 2));
        int recorded = byA.get(120, TimeUnit.SECONDS) + byB.get(120, TimeUnit.SECONDS);

        assertThat(recorded).isEqualTo(RUNS);
        assertConsistent(a, RUNS);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void twoDaemons_recordingTheSameAttemptsWithoutClaims_stillCountEachOnce(String kind) throws Exception {
    TestStores.Target target = TestStores.target(kind, dir);
    try (LearningStore a = target.open(); LearningStore b = target.open()) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (LearningStore s : List.of(a, b)) {
          done.add(pool.submit(() -> {
            for (long id = 1; id <= RUNS; id++) {
              s.recordRun(CrashWriter.run(id), CrashWriter.jobs(CrashWriter.run(id)), Instant.now());
            }
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get(120, TimeUnit.SECONDS);
        }
        assertConsistent(b, RUNS);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void writerKilledMidWrite_restartFindsOnlyWholeRuns(String kind) throws Exception {
    TestStores.Target target = TestStores.target(kind, dir);
    String where;
    try (LearningStore s = target.open()) { // creates the schema (and the PostgreSQL database's name)
      where = target.name().substring(target.name().indexOf(' ') + 1);
    }
    String location = kind.equals("sqlite") ? where : TestStores.withDatabase(System.getenv(TestStores.PG_ENV), where);
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        CrashWriter.class.getName(), kind, location).redirectErrorStream(true).start();
    long lastSeen = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && lastSeen < 25) {
        if (line.startsWith("recorded ")) {
          lastSeen = Long.parseLong(line.substring(9));
        }
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the client
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(lastSeen).as("the writer recorded runs before it was killed").isEqualTo(25);

    try (LearningStore s = target.open()) {
      int processed = 0;
      for (long id = 1; id <= lastSeen + 1000; id++) {
        if (s.processed("octo/crash", id, 1)) {
          processed++;
        } else {
          break;
        }
      }
      assertThat(processed).isGreaterThanOrEqualTo(25);
      assertThat(s.processed("octo/crash", processed + 1, 1)).isFalse();
      assertConsistent(s, processed);
    }
  }

  @org.junit.jupiter.api.Test
  void postgresDropsTheConnection_theNextCallReconnectsAndLosesNothing() throws Exception {
    TestStores.Target target = TestStores.postgres();
    String db = target.name().substring(target.name().indexOf(' ') + 1);
    try (LearningStore s = target.open()) {
      s.advanceWatermark("octo/app", Instant.ofEpochSecond(7));
      try (java.sql.Connection admin = new org.postgresql.Driver().connect(System.getenv(TestStores.PG_ENV), new java.util.Properties());
          java.sql.Statement st = admin.createStatement()) {
        st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
      }

      assertThat(s.watermark("octo/app")).contains(Instant.ofEpochSecond(7));
      WorkflowRun run = CrashWriter.run(1);
      s.recordRun(run, CrashWriter.jobs(run), Instant.now());
      assertThat(s.processed("octo/crash", 1, 1)).isTrue();
    }
  }

  private static Callable<Integer> daemon(LearningStore s, String owner, long seed) {
    return () -> {
      List<Long> ids = new ArrayList<>();
      for (long id = 1; id <= RUNS; id++) {
        ids.add(id);
      }
      Collections.shuffle(ids, new Random(seed));
      int recorded = 0;
      for (long id : ids) {
        if (s.claim("octo/crash", id, 1, owner, Instant.now(), Duration.ofMinutes(5))) {
          WorkflowRun run = CrashWriter.run(id);
          List<JobOutcome> jobs = CrashWriter.jobs(run);
          s.recordRun(run, jobs, Instant.now());
          recorded++;
        }
      }
      return recorded;
    };
  }

  /** Roll-ups agree with the processed markers: every processed run counted once with all its jobs. */
  private static void assertConsistent(LearningStore s, int runs) {
    Stats st = s.stats(new StatsQuery("octo/crash", T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)), 100));
    assertThat(st.failures()).isEqualTo((long) runs * CrashWriter.JOBS_PER_RUN);
    assertThat(st.workflows()).singleElement().satisfies(w -> {
      assertThat(w.runs()).isEqualTo(runs);
      assertThat(w.failedRuns()).isEqualTo(runs);
    });
    assertThat(st.patterns().stream().mapToLong(p -> p.occurrences()).sum()).isEqualTo((long) runs * CrashWriter.JOBS_PER_RUN);
  }
}
