package dev.cidoctor.store.jdbc;

import dev.cidoctor.store.Stats;
import dev.cidoctor.store.StatsQuery;
import dev.cidoctor.store.Trend;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trends of {@code patterns --stats}: patterns that rose, are new or came back after a fix, and
 * failure rates per repository, workflow and branch that rose, all judged by {@link Trend}. With a
 * repository, "new" means new to that repository and "back" means back after that repository's fix.
 */
final class TrendQueries {
  private static final long DAY_MS = Queries.DAY_MS;

  private final Connection c;
  private final Queries queries;

  TrendQueries(Connection c) {
    this.c = c;
    this.queries = new Queries(c);
  }

  List<Stats.TrendFlag> patterns(StatsQuery q, List<StatsQueries.Sums> sums) throws SQLException {
    List<Stats.TrendFlag> flags = new ArrayList<>();
    List<StatsQueries.Sums> candidates = sums.stream().filter(x -> x.recent() >= Trend.MIN_RECENT)
        .sorted(Comparator.comparingLong(StatsQueries.Sums::recent).reversed().thenComparing(StatsQueries.Sums::fingerprint)).toList();
    for (StatsQueries.Sums x : candidates) {
      Optional<String> rise = Trend.rise(x.recent(), x.before());
      if (rise.isPresent() && flags.size() < q.limit()) {
        Queries.PatternRow p = queries.patternRow(x.fingerprint()).orElseThrow();
        flags.add(new Stats.TrendFlag("rising", p.name(), p.fingerprint(), rise.get()));
      }
    }
    long weekAgo = q.now().toEpochMilli() - Trend.RECENT_DAYS * DAY_MS;
    if (q.repo() == null) {
      for (Queries.PatternRow p : Sql.list(c, "SELECT * FROM patterns WHERE first_seen >= ? ORDER BY first_seen DESC LIMIT "
          + q.limit(), Queries.PatternRow::read, weekAgo)) {
        flags.add(new Stats.TrendFlag("new", p.name(), p.fingerprint(), "first seen " + p.firstSeen()));
      }
      for (Queries.PatternRow p : Sql.list(c, "SELECT * FROM patterns WHERE fixed_at IS NOT NULL AND last_seen > fixed_at "
          + "AND last_seen >= ? ORDER BY last_seen DESC LIMIT " + q.limit(), Queries.PatternRow::read, q.since().toEpochMilli())) {
        flags.add(new Stats.TrendFlag("back", p.name(), p.fingerprint(), "fixed by " + p.lastFix().orElseThrow().shortSha()
            + " on " + p.lastFix().orElseThrow().at() + ", seen again " + p.lastSeen()));
      }
    } else {
      flags.addAll(newInRepo(q, weekAgo / DAY_MS));
      flags.addAll(backInRepo(q, sums));
    }
    return flags;
  }

  /** Patterns whose first failure in the repository fell in the last week, though they may be older elsewhere. */
  private List<Stats.TrendFlag> newInRepo(StatsQuery q, long weekAgoDay) throws SQLException {
    List<Stats.TrendFlag> flags = new ArrayList<>();
    List<Object[]> rows = Sql.list(c, "SELECT fingerprint, MIN(day) FROM pattern_days d WHERE repo = ? AND day >= ? AND failures > 0 "
        + "AND NOT EXISTS (SELECT 1 FROM pattern_days e WHERE e.fingerprint = d.fingerprint AND e.repo = d.repo AND e.day < ? "
        + "AND e.failures > 0) GROUP BY fingerprint ORDER BY MIN(day) DESC, fingerprint LIMIT " + q.limit(),
        rs -> new Object[] {rs.getString(1), rs.getLong(2)}, q.repo(), weekAgoDay, weekAgoDay);
    for (Object[] r : rows) {
      Queries.PatternRow p = queries.patternRow((String) r[0]).orElseThrow();
      LocalDate first = LocalDate.ofEpochDay((Long) r[1]);
      LocalDate anywhere = LocalDate.ofEpochDay(p.firstSeen().toEpochMilli() / DAY_MS);
      flags.add(new Stats.TrendFlag("new", p.name(), p.fingerprint(), "first seen in " + q.repo() + " on " + first
          + (anywhere.isBefore(first) ? ", elsewhere since " + anywhere : "")));
    }
    return flags;
  }

  /**
   * Patterns that failed in the repository after the repository's latest fix of them, within the
   * window. One statement for the patterns the window's scan found: the index seeks per pattern happen
   * in the database, not one round trip each (360 round trips took 80 ms on PostgreSQL for a
   * repository with 180 patterns).
   */
  private List<Stats.TrendFlag> backInRepo(StatsQuery q, List<StatsQueries.Sums> sums) throws SQLException {
    record Back(String fingerprint, long fixedAt, long seenAt) {}
    List<String> seen = sums.stream().filter(x -> x.failures() > 0).map(StatsQueries.Sums::fingerprint).toList();
    List<Back> backs = new ArrayList<>();
    for (int from = 0; from < seen.size(); from += 500) { // the patterns the window's scan found, 500 bound values at a time
      List<String> chunk = seen.subList(from, Math.min(seen.size(), from + 500));
      List<Object> args = new ArrayList<>(List.of(q.repo(), q.repo()));
      args.addAll(chunk);
      backs.addAll(Sql.list(c, "SELECT x.fingerprint, x.fixed_at, (SELECT MAX(k.occurred_at) FROM jobs k "
          + "WHERE k.fingerprint = x.fingerprint AND k.repo = ? AND k.occurred_at > x.fixed_at) FROM (SELECT p.fingerprint, "
          + "(SELECT MAX(j.fixed_at) FROM jobs j WHERE j.fingerprint = p.fingerprint AND j.repo = ? AND j.fixed_at IS NOT NULL) "
          + "AS fixed_at FROM patterns p WHERE p.fingerprint IN (" + "?, ".repeat(chunk.size() - 1) + "?)) x "
          + "WHERE x.fixed_at IS NOT NULL", rs -> new Back(rs.getString(1), rs.getLong(2), rs.getLong(3)), args.toArray()));
    }
    List<Stats.TrendFlag> flags = new ArrayList<>();
    for (Back b : backs.stream().filter(b -> b.seenAt() > b.fixedAt() && b.seenAt() >= q.since().toEpochMilli())
        .sorted(Comparator.comparingLong(Back::seenAt).reversed().thenComparing(Back::fingerprint)).limit(q.limit()).toList()) {
      Queries.PatternRow p = queries.patternRow(b.fingerprint()).orElseThrow();
      String sha = Sql.first(c, "SELECT fixed_sha FROM jobs WHERE fingerprint = ? AND repo = ? AND fixed_at = ?",
          rs -> rs.getString(1), b.fingerprint(), q.repo(), b.fixedAt()).orElse(null);
      flags.add(new Stats.TrendFlag("back", p.name(), p.fingerprint(), "fixed in " + q.repo() + " by "
          + (sha == null ? "?" : sha.substring(0, Math.min(7, sha.length()))) + " on " + Instant.ofEpochMilli(b.fixedAt())
          + ", seen again " + Instant.ofEpochMilli(b.seenAt())));
    }
    return flags;
  }

  /**
   * Failure rates of the last 7 days that rose against the 28 before, per repository, workflow and
   * branch, from the sums of run_days; each scope lists at most {@code limit}, most recent failures first.
   */
  List<Stats.RateTrend> rates(StatsQuery q, List<StatsQueries.RunSums> runs) {
    Map<List<String>, long[]> byScope = new LinkedHashMap<>();
    for (StatsQueries.RunSums r : runs) {
      long[] n = {r.recentRuns(), r.recentFailed(), r.baselineRuns(), r.baselineFailed()};
      add(byScope, java.util.Arrays.asList("repo", r.repo(), null, null), n);
      add(byScope, java.util.Arrays.asList("workflow", r.repo(), r.workflow(), null), n);
      if (!r.branch().isEmpty()) {
        add(byScope, java.util.Arrays.asList("branch", r.repo(), null, r.branch()), n);
      }
    }
    List<Stats.RateTrend> all = new ArrayList<>();
    for (Map.Entry<List<String>, long[]> e : byScope.entrySet()) {
      long[] n = e.getValue();
      List<String> k = e.getKey();
      Trend.rateRise(n[1], n[0], n[3], n[2]).ifPresent(why ->
          all.add(new Stats.RateTrend(k.get(0), k.get(1), k.get(2), k.get(3), n[0], n[1], n[2], n[3], why)));
    }
    List<Stats.RateTrend> flags = new ArrayList<>();
    for (String scope : List.of("repo", "workflow", "branch")) {
      all.stream().filter(t -> t.scope().equals(scope))
          .sorted(Comparator.comparingLong(Stats.RateTrend::recentFailedRuns).reversed()
              .thenComparing(t -> String.valueOf(t.repo()) + "\0" + t.workflow() + "\0" + t.branch()))
          .limit(q.limit()).forEach(flags::add);
    }
    return flags;
  }

  private static void add(Map<List<String>, long[]> byScope, List<String> key, long[] n) {
    long[] sum = byScope.computeIfAbsent(key, k -> new long[4]);
    for (int i = 0; i < 4; i++) {
      sum[i] += n[i];
    }
  }
}
