package dev.cidoctor.store.jdbc;

import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.model.Category;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.Job;
import dev.cidoctor.model.JobOutcome;
import dev.cidoctor.model.Severity;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.store.LearningStore;
import dev.cidoctor.store.StatsQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Fills a store with N failed jobs (default 1,000,000: 50 repos, 3,000 patterns with a Zipf-like
 * spread, 90 days, 70% fixed, 2% flaky) by batched inserts plus a roll-up rebuild, then prints how long
 * the read queries and one more recordRun take. Usage: {@code StoreBench sqlite FILE [N]} or
 * {@code StoreBench postgresql JDBC_URL [N]}.
 */
public final class StoreBench {
  private static final long DAY = 86_400_000L;
  private static final int REPOS = 50;
  private static final int PATTERNS = 3_000;
  private static final int DAYS = 90;

  private StoreBench() {}

  public static void main(String[] args) throws SQLException {
    if (args.length < 2) {
      System.err.println("usage: StoreBench sqlite FILE [FAILURES] | StoreBench postgresql JDBC_URL [FAILURES]");
      System.exit(2);
    }
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
    Instant now = Instant.parse("2026-11-28T12:00:00Z");
    boolean pg = args[0].equals("postgresql");
    String target = pg ? args[1] + (args[1].contains("?") ? "&" : "?") + "reWriteBatchedInserts=true" : args[1];
    try (JdbcPatternStore store = (JdbcPatternStore) (pg ? PatternStores.postgres(target, null, null) : PatternStores.sqlite(Path.of(target)))) {
      long t0 = System.nanoTime();
      long existing = Sql.count(store.connection(), "SELECT COUNT(*) FROM jobs");
      if (existing < n) {
        fill(store.connection(), n, now);
        Rollups.rebuild(store.connection());
        try (Statement s = store.connection().createStatement()) {
          s.execute("ANALYZE");
        }
        System.out.printf(Locale.ROOT, "filled %,d failed jobs in %.1f s (batched inserts, then a roll-up rebuild and ANALYZE)%n", n,
            (System.nanoTime() - t0) / 1e9);
      } else {
        try (Statement s = store.connection().createStatement()) {
          s.execute("ANALYZE"); // the planner's statistics for indexes a later migration added
        }
        System.out.printf(Locale.ROOT, "store already holds %,d jobs%n", existing);
      }
      print(store, "counts", () -> Sql.count(store.connection(), "SELECT COUNT(*) FROM pattern_days") + " pattern_days rows, "
          + Sql.count(store.connection(), "SELECT COUNT(*) FROM run_days") + " run_days rows");
      measure(store, now);
    }
  }

  private static void fill(Connection c, int n, Instant now) throws SQLException {
    Random random = new Random(42);
    long start = now.toEpochMilli() - DAYS * DAY;
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement job = c.prepareStatement("INSERT INTO jobs (repo, run_id, attempt, job_id, workflow, job_name, head_sha, "
        + "branch, event, actor, conclusion, failed, started_at, completed_at, run_created_at, occurred_at, category, rule_id, "
        + "fingerprint, summary, evidence, transient_failure, cost_dollars, input_tokens, output_tokens, duration_ms, fixed_run_id, "
        + "fixed_sha, fixed_message, fixed_at, recorded_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, 'push', 'bench', ?, ?, ?, ?, ?, ?, "
        + "'test_failure', ?, ?, ?, ?, 0, ?, ?, ?, 900, ?, ?, ?, ?, ?)");
        PreparedStatement run = c.prepareStatement("INSERT INTO run_attempts (repo, run_id, attempt, workflow, head_sha, branch, "
            + "event, actor, conclusion, title, created_at, completed_at, processed_at) VALUES (?, ?, 1, ?, ?, ?, 'push', 'bench', ?, ?, ?, ?, ?)")) {
      for (int p = 0; p < PATTERNS; p++) {
        Sql.update(c, "INSERT INTO patterns (fingerprint, name, category, rule_id, summary, first_seen, last_seen) VALUES (?, ?, "
            + "'test_failure', ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING", fingerprint(p), "bench.pattern-" + p, "bench.pattern-" + p,
            "Bench failure " + p, start, start);
      }
      for (int i = 0; i < n; i++) {
        int p = zipf(random);
        String repo = "org/repo-" + (p * 7 + random.nextInt(3)) % REPOS;
        String workflow = "CI-" + random.nextInt(3);
        String branch = random.nextInt(3) == 0 ? "main" : "feature-" + random.nextInt(20);
        long runId = i + 1L;
        String sha = Long.toHexString(runId * 2654435761L);
        long created = start + (long) (random.nextDouble() * DAYS * DAY);
        boolean fixed = random.nextInt(10) < 7;
        boolean llm = random.nextInt(20) == 0;
        job.setString(1, repo);
        job.setLong(2, runId);
        job.setLong(3, runId * 10);
        job.setString(4, workflow);
        job.setString(5, "test-" + random.nextInt(8));
        job.setString(6, sha);
        job.setString(7, branch);
        job.setString(8, "failure");
        job.setInt(9, 1);
        job.setLong(10, created + 10_000);
        job.setLong(11, created + 300_000);
        job.setLong(12, created);
        job.setLong(13, created + 300_000);
        job.setString(14, "bench.pattern-" + p);
        job.setString(15, fingerprint(p));
        job.setString(16, "Bench failure " + p);
        job.setString(17, "12: AssertionError: expected 200 but was 500 in test " + p);
        job.setDouble(18, llm ? 0.0042 : 0);
        job.setLong(19, llm ? 3000 : 0);
        job.setLong(20, llm ? 400 : 0);
        if (fixed) {
          job.setLong(21, runId + n);
          job.setString(22, "f1x" + sha);
          job.setString(23, "Fix pattern " + p);
          job.setLong(24, created + 300_000 + 600_000 + random.nextInt(2 * 86_400_000));
        } else {
          for (int k = 21; k <= 24; k++) {
            job.setNull(k, java.sql.Types.NULL);
          }
        }
        job.setLong(25, created + 300_000);
        job.addBatch();
        addRun(run, repo, runId, workflow, sha, branch, "failure", created);
        if (i % 50 == 0) { // 2%: the same job passes on a rerun of the same commit
          Sql.update(c, "INSERT INTO jobs (repo, run_id, attempt, job_id, workflow, job_name, head_sha, branch, conclusion, failed, "
              + "run_created_at, occurred_at, recorded_at) SELECT repo, run_id, 2, job_id + 1, workflow, job_name, head_sha, branch, "
              + "'success', 0, run_created_at, occurred_at + 600000, recorded_at + 600000 FROM jobs WHERE repo = ? AND run_id = ?", repo, runId);
        }
        if (i % 2 == 0) {
          addRun(run, repo, runId + n, workflow, "f1x" + sha, branch, "success", created + 600_000);
        }
        if (i % 10_000 == 9_999) {
          job.executeBatch();
          run.executeBatch();
          c.commit();
        }
      }
      job.executeBatch();
      run.executeBatch();
      c.commit();
    } finally {
      c.setAutoCommit(auto);
    }
  }

  private static void addRun(PreparedStatement run, String repo, long id, String workflow, String sha, String branch, String conclusion,
      long created) throws SQLException {
    run.setString(1, repo);
    run.setLong(2, id);
    run.setString(3, workflow);
    run.setString(4, sha);
    run.setString(5, branch);
    run.setString(6, conclusion);
    run.setString(7, "commit " + sha);
    run.setLong(8, created);
    run.setLong(9, created + 300_000);
    run.setLong(10, created + 300_000);
    run.addBatch();
  }

  /** A Zipf-like pick: a few patterns are very common, most are rare. */
  private static int zipf(Random r) {
    return (int) Math.min(PATTERNS - 1, Math.floor(Math.pow(PATTERNS, r.nextDouble())) - 1);
  }

  private static String fingerprint(int p) {
    return String.format(Locale.ROOT, "sha256:%016x", (p + 1) * 0x9E3779B97F4A7C15L);
  }

  private static void measure(JdbcPatternStore store, Instant now) {
    StatsQuery month = new StatsQuery(null, now.minus(Duration.ofDays(30)), now, 10);
    StatsQuery all = new StatsQuery(null, now.minus(Duration.ofDays(DAYS + 1)), now, 10);
    StatsQuery oneRepo = new StatsQuery("org/repo-7", now.minus(Duration.ofDays(30)), now, 10);
    time("patterns --stats (30 days)", 5, () -> store.stats(month));
    time("patterns --stats (all 90 days)", 5, () -> store.stats(all));
    time("patterns --stats --repo (30 days)", 5, () -> store.stats(oneRepo));
    Random r = new Random(7);
    time("history of the most common fingerprint", 200, () -> store.history(fingerprint(0), now));
    time("history of a random fingerprint", 200, () -> store.history(fingerprint(r.nextInt(PATTERNS)), now));
    time("patterns --pattern (most common, 30 days)", 20, () -> store.pattern("bench.pattern-0", month));
    long[] next = {10_000_000_000L};
    time("recordRun of one failed run (one job)", 200, () -> {
      long id = next[0]++;
      WorkflowRun run = new WorkflowRun("org/repo-1", id, 1, id, "CI-0", null, "abc" + id, "main", "push", "bench", "completed",
          "failure", null, "t", now, now);
      Diagnosis d = new Diagnosis("log", "test", Category.TEST_FAILURE, Severity.HIGH, false, "Bench failure 0", "fix",
          "bench.pattern-0", 0.9, List.of(new Evidence(null, 12, "boom")), null, List.of(), fingerprint(0), List.of());
      Job job = new Job(id * 10, id, 1, "test-0", "completed", "failure", now, now, null, null, List.of());
      store.recordRun(run, List.of(new JobOutcome(run, job, d, AnalysisCost.NONE)), now);
      return null;
    });
    time("verdict of that failure", 50, () -> {
      WorkflowRun run = new WorkflowRun("org/repo-1", 10_000_000_000L, 1, 1, "CI-0", null, "abc", "feature-1", "push", "bench",
          "completed", "failure", null, "t", now, now);
      Diagnosis d = new Diagnosis("log", "test", Category.TEST_FAILURE, Severity.HIGH, false, "s", "fix", "bench.pattern-0", 0.9,
          List.of(new Evidence(null, 12, "boom")), null, List.of(), fingerprint(0), List.of());
      return store.verdict(new JobOutcome(run, new Job(1, run.id(), 1, "test-0", "completed", "failure", now, now, null, null,
          List.of()), d, null), "main");
    });
  }

  private interface Call {
    Object run() throws Exception;
  }

  private static void print(LearningStore store, String what, Call call) {
    try {
      System.out.println(what + ": " + call.run());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void time(String what, int reps, Call call) {
    double[] ms = new double[reps];
    try {
      for (int i = 0; i < reps; i++) {
        long t = System.nanoTime();
        call.run();
        ms[i] = (System.nanoTime() - t) / 1e6;
      }
    } catch (Exception e) {
      throw new IllegalStateException(what + " failed", e);
    }
    double first = ms[0];
    Arrays.sort(ms);
    System.out.printf(Locale.ROOT, "%-45s first %8.2f ms   median %8.2f ms   p95 %8.2f ms   (%d runs)%n", what, first,
        ms[reps / 2], ms[Math.min(reps - 1, (int) Math.ceil(reps * 0.95) - 1)], reps);
  }
}
