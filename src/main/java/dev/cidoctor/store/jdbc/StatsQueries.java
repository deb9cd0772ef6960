package dev.cidoctor.store.jdbc;

import dev.cidoctor.store.PatternSummary;
import dev.cidoctor.store.Stats;
import dev.cidoctor.store.StatsQuery;
import dev.cidoctor.store.Trend;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Statistics over a window, from the daily roll-ups (pattern_days, run_days, spend_days) and the flakes table. */
final class StatsQueries {
  private static final long DAY_MS = Queries.DAY_MS;

  private final Connection c;
  private final Queries queries;
  private final TrendQueries trends;

  StatsQueries(Connection c) {
    this.c = c;
    this.queries = new Queries(c);
    this.trends = new TrendQueries(c);
  }

  /** One pattern's sums over the scanned days: in the window, and in the trend's recent and baseline days. */
  record Sums(String fingerprint, long failures, long fixed, long recoveryMs, long recent, long before) {}

  /** One workflow's runs on one branch: in the window, and in the trend's recent and baseline days. */
  record RunSums(String repo, String workflow, String branch, long runs, long failedRuns, long recentRuns, long recentFailed,
      long baselineRuns, long baselineFailed) {}

  Stats stats(StatsQuery q) throws SQLException {
    long sinceDay = q.since().toEpochMilli() / DAY_MS;
    long today = q.now().toEpochMilli() / DAY_MS;
    long recentStart = today - Trend.RECENT_DAYS + 1;
    long baselineStart = recentStart - Trend.BASELINE_DAYS;
    String repo = q.repo() == null ? "" : " AND repo = ?";

    // One scan of the roll-up serves the top patterns, categories, recovery time and trends.
    List<Object> scanArgs = new ArrayList<>(List.of(sinceDay, sinceDay, sinceDay, recentStart, baselineStart, recentStart,
        Math.min(sinceDay, baselineStart)));
    if (q.repo() != null) {
      scanArgs.add(q.repo());
    }
    List<Sums> sums = Sql.list(c, "SELECT fingerprint, SUM(CASE WHEN day >= ? THEN failures ELSE 0 END), "
        + "SUM(CASE WHEN day >= ? THEN fixed ELSE 0 END), SUM(CASE WHEN day >= ? THEN recovery_ms ELSE 0 END), "
        + "SUM(CASE WHEN day >= ? THEN failures ELSE 0 END), SUM(CASE WHEN day >= ? AND day < ? THEN failures ELSE 0 END) "
        + "FROM pattern_days WHERE day >= ?" + repo + " GROUP BY fingerprint",
        rs -> new Sums(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)), scanArgs.toArray());
    Map<String, String> categoryOf = new java.util.HashMap<>();
    for (String[] r : Sql.list(c, "SELECT fingerprint, category FROM patterns", rs -> new String[] {rs.getString(1), rs.getString(2)})) {
      categoryOf.put(r[0], r[1] == null ? "unknown" : r[1]);
    }
    long failures = 0;
    long fixed = 0;
    long recoveryMs = 0;
    Map<String, Long> byCategory = new java.util.HashMap<>();
    for (Sums x : sums) {
      failures += x.failures();
      fixed += x.fixed();
      recoveryMs += x.recoveryMs();
      if (x.failures() > 0) {
        byCategory.merge(categoryOf.getOrDefault(x.fingerprint(), "unknown"), x.failures(), Long::sum);
      }
    }
    Map<String, Long> categories = new LinkedHashMap<>();
    byCategory.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> categories.put(e.getKey(), e.getValue()));

    List<PatternSummary> patterns = new ArrayList<>();
    List<Sums> top = sums.stream().filter(x -> x.failures() > 0)
        .sorted(java.util.Comparator.comparingLong(Sums::failures).reversed().thenComparing(Sums::fingerprint)).limit(q.limit()).toList();
    for (Sums x : top) {
      Queries.PatternRow p = queries.patternRow(x.fingerprint()).orElseThrow();
      Object[] a = q.repo() == null ? new Object[] {p.fingerprint(), sinceDay} : new Object[] {p.fingerprint(), sinceDay, q.repo()};
      List<String> repos = Sql.list(c, "SELECT repo FROM pattern_days WHERE fingerprint = ? AND day >= ?" + repo
          + " GROUP BY repo HAVING SUM(failures) > 0 ORDER BY SUM(failures) DESC, repo", rs -> rs.getString(1), a);
      patterns.add(new PatternSummary(p.fingerprint(), p.name(), p.category(), p.ruleId(), p.summary(), x.failures(),
          p.firstSeen(), p.lastSeen(), repos, p.lastFix()));
    }

    // One scan of run_days serves the failure rates per workflow and branch and their trends.
    List<Object> runArgs = new ArrayList<>(List.of(sinceDay, sinceDay, recentStart, recentStart, baselineStart, recentStart,
        baselineStart, recentStart, Math.min(sinceDay, baselineStart)));
    if (q.repo() != null) {
      runArgs.add(q.repo());
    }
    List<RunSums> runs = Sql.list(c, "SELECT repo, workflow, branch, SUM(CASE WHEN day >= ? THEN runs ELSE 0 END), "
        + "SUM(CASE WHEN day >= ? THEN failed_runs ELSE 0 END), SUM(CASE WHEN day >= ? THEN runs ELSE 0 END), "
        + "SUM(CASE WHEN day >= ? THEN failed_runs ELSE 0 END), SUM(CASE WHEN day >= ? AND day < ? THEN runs ELSE 0 END), "
        + "SUM(CASE WHEN day >= ? AND day < ? THEN failed_runs ELSE 0 END) FROM run_days WHERE day >= ?" + repo
        + " GROUP BY repo, workflow, branch", rs -> new RunSums(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)), runArgs.toArray());
    List<Stats.WorkflowRate> workflows = rates(runs, RunSums::workflow, q.limit()).stream()
        .map(r -> new Stats.WorkflowRate(r.repo(), r.workflow(), r.runs(), r.failedRuns())).toList();
    List<Stats.BranchRate> branches = rates(runs.stream().filter(r -> !r.branch().isEmpty()).toList(), RunSums::branch, q.limit())
        .stream().map(r -> new Stats.BranchRate(r.repo(), r.branch(), r.runs(), r.failedRuns())).toList();

    Object[] flakeArgs = q.repo() == null ? new Object[] {q.since().toEpochMilli()} : new Object[] {q.since().toEpochMilli(), q.repo()};
    List<Object[]> flakyRows = Sql.list(c, "SELECT repo, workflow, job_name, COUNT(*) FROM flakes WHERE detected_at >= ?" + repo
        + " GROUP BY repo, workflow, job_name ORDER BY COUNT(*) DESC, repo, job_name LIMIT " + q.limit(),
        rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)}, flakeArgs);
    List<Stats.FlakyJob> flaky = new ArrayList<>();
    for (Object[] f : flakyRows) {
      long failedCommits = Sql.count(c, "SELECT COUNT(DISTINCT head_sha) FROM jobs WHERE repo = ? AND job_name = ? AND failed = 1",
          f[0], f[2]);
      flaky.add(new Stats.FlakyJob((String) f[0], (String) f[1], (String) f[2], (Long) f[3], Math.max(failedCommits, (Long) f[3])));
    }

    Optional<Duration> mttr = fixed == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(recoveryMs / fixed));

    LocalDate month = LocalDate.ofEpochDay(today).withDayOfMonth(1);
    Stats.Spend spend = Sql.first(c, "SELECT SUM(dollars), SUM(input_tokens), SUM(output_tokens), SUM(analyses) FROM spend_days "
        + "WHERE day >= ?", rs -> new Stats.Spend(month.toString().substring(0, 7), rs.getDouble(1), rs.getLong(2), rs.getLong(3),
        rs.getLong(4)), month.toEpochDay()).orElseThrow();

    return new Stats(q, failures, patterns, categories, workflows, branches, flaky, mttr, fixed, trends.patterns(q, sums), trends.rates(q, runs), spend);
  }

  /**
   * The window's runs summed per repository and {@code by} (workflow or branch), most failed runs first,
   * then by name; the workflow and branch of a returned row are both {@code by}'s value.
   */
  private static List<RunSums> rates(List<RunSums> runs, java.util.function.Function<RunSums, String> by, int limit) {
    Map<List<String>, long[]> sums = new LinkedHashMap<>();
    for (RunSums r : runs) {
      long[] n = sums.computeIfAbsent(List.of(r.repo(), by.apply(r)), k -> new long[2]);
      n[0] += r.runs();
      n[1] += r.failedRuns();
    }
    return sums.entrySet().stream().filter(e -> e.getValue()[0] > 0)
        .map(e -> new RunSums(e.getKey().get(0), e.getKey().get(1), e.getKey().get(1), e.getValue()[0], e.getValue()[1], 0, 0, 0, 0))
        .sorted(java.util.Comparator.comparingLong(RunSums::failedRuns).reversed().thenComparing(RunSums::repo)
            .thenComparing(RunSums::workflow))
        .limit(limit).toList();
  }
}
