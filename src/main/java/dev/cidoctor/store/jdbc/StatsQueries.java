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

  StatsQueries(Connection c) {
    this.c = c;
    this.queries = new Queries(c);
  }

  Stats stats(StatsQuery q) throws SQLException {
    long sinceDay = q.since().toEpochMilli() / DAY_MS;
    String repo = q.repo() == null ? "" : " AND repo = ?";
    Object[] window = args(q, sinceDay);

    List<long[]> top = new ArrayList<>();
    List<String> fps = new ArrayList<>();
    for (Object[] r : Sql.list(c, "SELECT fingerprint, SUM(failures) AS n FROM pattern_days WHERE day >= ?" + repo
        + " GROUP BY fingerprint HAVING SUM(failures) > 0 ORDER BY n DESC, fingerprint LIMIT " + q.limit(),
        rs -> new Object[] {rs.getString(1), rs.getLong(2)}, window)) {
      fps.add((String) r[0]);
      top.add(new long[] {(Long) r[1]});
    }
    List<PatternSummary> patterns = new ArrayList<>();
    for (int i = 0; i < fps.size(); i++) {
      Queries.PatternRow p = queries.patternRow(fps.get(i)).orElseThrow();
      Object[] a = q.repo() == null ? new Object[] {p.fingerprint(), sinceDay} : new Object[] {p.fingerprint(), sinceDay, q.repo()};
      List<String> repos = Sql.list(c, "SELECT repo FROM pattern_days WHERE fingerprint = ? AND day >= ?" + repo
          + " GROUP BY repo HAVING SUM(failures) > 0 ORDER BY SUM(failures) DESC", rs -> rs.getString(1), a);
      patterns.add(new PatternSummary(p.fingerprint(), p.name(), p.category(), p.ruleId(), p.summary(), top.get(i)[0],
          p.firstSeen(), p.lastSeen(), repos, p.lastFix()));
    }

    Map<String, Long> categories = new LinkedHashMap<>();
    long failures = 0;
    for (Object[] r : Sql.list(c, "SELECT p.category, SUM(d.failures) AS n FROM pattern_days d JOIN patterns p "
        + "ON p.fingerprint = d.fingerprint WHERE d.day >= ?" + repo.replace("repo", "d.repo")
        + " GROUP BY p.category ORDER BY n DESC", rs -> new Object[] {rs.getString(1), rs.getLong(2)}, window)) {
      if ((Long) r[1] > 0) {
        categories.put(r[0] == null ? "unknown" : (String) r[0], (Long) r[1]);
        failures += (Long) r[1];
      }
    }

    List<Stats.WorkflowRate> workflows = Sql.list(c, "SELECT repo, workflow, SUM(runs), SUM(failed_runs) FROM run_days "
        + "WHERE day >= ?" + repo + " GROUP BY repo, workflow HAVING SUM(runs) > 0 ORDER BY SUM(failed_runs) DESC, repo, workflow "
        + "LIMIT " + q.limit(), rs -> new Stats.WorkflowRate(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), window);

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

    long[] recovery = Sql.first(c, "SELECT SUM(fixed), SUM(recovery_ms) FROM pattern_days WHERE day >= ?" + repo,
        rs -> new long[] {rs.getLong(1), rs.getLong(2)}, window).orElse(new long[2]);
    Optional<Duration> mttr = recovery[0] == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(recovery[1] / recovery[0]));

    LocalDate today = LocalDate.ofEpochDay(q.now().toEpochMilli() / DAY_MS);
    LocalDate month = today.withDayOfMonth(1);
    Stats.Spend spend = Sql.first(c, "SELECT SUM(dollars), SUM(input_tokens), SUM(output_tokens), SUM(analyses) FROM spend_days "
        + "WHERE day >= ?", rs -> new Stats.Spend(month.toString().substring(0, 7), rs.getDouble(1), rs.getLong(2), rs.getLong(3),
        rs.getLong(4)), month.toEpochDay()).orElseThrow();

    return new Stats(q, failures, patterns, categories, workflows, flaky, mttr, recovery[0], trends(q), spend);
  }

  private List<Stats.TrendFlag> trends(StatsQuery q) throws SQLException {
    long today = q.now().toEpochMilli() / DAY_MS;
    long recentStart = today - Trend.RECENT_DAYS + 1;
    long baselineStart = recentStart - Trend.BASELINE_DAYS;
    String repo = q.repo() == null ? "" : " AND repo = ?";
    Object[] a = q.repo() == null
        ? new Object[] {recentStart, recentStart, baselineStart, recentStart, Trend.MIN_RECENT}
        : new Object[] {recentStart, recentStart, baselineStart, q.repo(), recentStart, Trend.MIN_RECENT};
    List<Stats.TrendFlag> flags = new ArrayList<>();
    for (Object[] r : Sql.list(c, "SELECT fingerprint, SUM(CASE WHEN day >= ? THEN failures ELSE 0 END) AS recent, "
        + "SUM(CASE WHEN day < ? THEN failures ELSE 0 END) AS before FROM pattern_days WHERE day >= ?" + repo
        + " GROUP BY fingerprint HAVING SUM(CASE WHEN day >= ? THEN failures ELSE 0 END) >= ? ORDER BY recent DESC",
        rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)}, a)) {
      Optional<String> rise = Trend.rise((Long) r[1], (Long) r[2]);
      if (rise.isPresent() && flags.size() < q.limit()) {
        Queries.PatternRow p = queries.patternRow((String) r[0]).orElseThrow();
        flags.add(new Stats.TrendFlag("rising", p.name(), p.fingerprint(), rise.get()));
      }
    }
    long weekAgo = q.now().toEpochMilli() - Trend.RECENT_DAYS * DAY_MS;
    for (Queries.PatternRow p : Sql.list(c, "SELECT * FROM patterns WHERE first_seen >= ? ORDER BY first_seen DESC LIMIT "
        + q.limit(), Queries.PatternRow::read, weekAgo)) {
      flags.add(new Stats.TrendFlag("new", p.name(), p.fingerprint(), "first seen " + p.firstSeen()));
    }
    for (Queries.PatternRow p : Sql.list(c, "SELECT * FROM patterns WHERE fixed_at IS NOT NULL AND last_seen > fixed_at "
        + "AND last_seen >= ? ORDER BY last_seen DESC LIMIT " + q.limit(), Queries.PatternRow::read, q.since().toEpochMilli())) {
      flags.add(new Stats.TrendFlag("back", p.name(), p.fingerprint(), "fixed by " + p.lastFix().orElseThrow().shortSha()
          + " on " + p.lastFix().orElseThrow().at() + ", seen again " + p.lastSeen()));
    }
    return flags;
  }

  private static Object[] args(StatsQuery q, long sinceDay) {
    return q.repo() == null ? new Object[] {sinceDay} : new Object[] {sinceDay, q.repo()};
  }
}
