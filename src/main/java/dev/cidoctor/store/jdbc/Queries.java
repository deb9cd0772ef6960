package dev.cidoctor.store.jdbc;

import dev.cidoctor.store.Fix;
import dev.cidoctor.store.History;
import dev.cidoctor.store.PatternDetail;
import dev.cidoctor.store.PatternSummary;
import dev.cidoctor.store.StatsQuery;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One fingerprint's history and one pattern's detail, read through the fingerprint's index prefixes only. */
final class Queries {
  static final long DAY_MS = 86_400_000L;
  private static final String PATTERN_COLUMNS = "fingerprint, name, category, rule_id, summary, first_seen, last_seen, "
      + "fixed_repo, fixed_branch, fixed_run_id, fixed_sha, fixed_message, fixed_at";

  private final Connection c;

  Queries(Connection c) {
    this.c = c;
  }

  /** A row of the patterns table. */
  record PatternRow(String fingerprint, String name, String category, String ruleId, String summary, Instant firstSeen,
      Instant lastSeen, Optional<Fix> lastFix) {
    static PatternRow read(ResultSet rs) throws SQLException {
      Long fixedAt = Sql.longOrNull(rs, "fixed_at");
      Optional<Fix> fix = fixedAt == null ? Optional.empty() : Optional.of(new Fix(rs.getString("fixed_repo"),
          rs.getString("fixed_branch"), rs.getLong("fixed_run_id"), rs.getString("fixed_sha"), rs.getString("fixed_message"),
          Instant.ofEpochMilli(fixedAt)));
      return new PatternRow(rs.getString("fingerprint"), rs.getString("name"), rs.getString("category"), rs.getString("rule_id"),
          rs.getString("summary"), Instant.ofEpochMilli(rs.getLong("first_seen")), Instant.ofEpochMilli(rs.getLong("last_seen")), fix);
    }
  }

  Optional<PatternRow> patternRow(String fingerprint) throws SQLException {
    return Sql.first(c, "SELECT " + PATTERN_COLUMNS + " FROM patterns WHERE fingerprint = ?", PatternRow::read, fingerprint);
  }

  Optional<History> history(String fingerprint, Instant now) throws SQLException {
    Optional<PatternRow> row = patternRow(fingerprint);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    PatternRow p = row.get();
    long today = now.toEpochMilli() / DAY_MS;
    long total = 0;
    Map<String, Long> repoCounts = new LinkedHashMap<>();
    Map<String, Long> branchCounts = new LinkedHashMap<>();
    for (Object[] r : Sql.list(c, "SELECT repo, branch, failures FROM pattern_places WHERE fingerprint = ? AND failures > 0",
        rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)}, fingerprint)) {
      total += (Long) r[2];
      repoCounts.merge((String) r[0], (Long) r[2], Long::sum);
      if (!((String) r[1]).isEmpty()) {
        branchCounts.merge((String) r[1], (Long) r[2], Long::sum);
      }
    }
    long week = Sql.count(c, "SELECT SUM(failures) FROM pattern_days WHERE fingerprint = ? AND day > ?", fingerprint, today - 7);
    List<String> repos = mostFirst(repoCounts);
    List<String> branches = mostFirst(branchCounts);
    long flaky = Sql.count(c, "SELECT COUNT(*) FROM flakes WHERE fingerprint = ?", fingerprint);
    return Optional.of(new History(fingerprint, p.name(), total, week, p.firstSeen(), p.lastSeen(), repos, branches,
        p.lastFix(), flaky));
  }

  private static List<String> mostFirst(Map<String, Long> failures) {
    return failures.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
  }

  /** Finds the fingerprint a name or fingerprint (prefix) means; by name, the most recently seen one. */
  Optional<String> resolve(String nameOrFingerprint) throws SQLException {
    String q = nameOrFingerprint.strip();
    Optional<String> byName = Sql.first(c, "SELECT fingerprint FROM patterns WHERE name = ? ORDER BY last_seen DESC",
        rs -> rs.getString(1), q);
    if (byName.isPresent()) {
      return byName;
    }
    String fp = q.startsWith("sha256:") ? q : "sha256:" + q;
    List<String> matches = Sql.list(c, "SELECT fingerprint FROM patterns WHERE fingerprint >= ? AND fingerprint < ? LIMIT 2",
        rs -> rs.getString(1), fp, fp + "\uffff");
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  Optional<PatternDetail> pattern(String nameOrFingerprint, StatsQuery query) throws SQLException {
    Optional<String> fp = resolve(nameOrFingerprint);
    if (fp.isEmpty()) {
      return Optional.empty();
    }
    PatternRow p = patternRow(fp.get()).orElseThrow();
    long sinceDay = query.since().toEpochMilli() / DAY_MS;
    String repoFilter = query.repo() == null ? "" : " AND repo = ?";
    Object[] args = query.repo() == null ? new Object[] {p.fingerprint(), sinceDay} : new Object[] {p.fingerprint(), sinceDay, query.repo()};
    Map<LocalDate, Long> perDay = new LinkedHashMap<>();
    for (long[] d : Sql.list(c, "SELECT day, SUM(failures) FROM pattern_days WHERE fingerprint = ? AND day >= ?" + repoFilter
        + " GROUP BY day ORDER BY day", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, args)) {
      if (d[1] > 0) {
        perDay.put(LocalDate.ofEpochDay(d[0]), d[1]);
      }
    }
    List<String> repos = Sql.list(c, "SELECT repo FROM pattern_days WHERE fingerprint = ? AND day >= ?" + repoFilter
        + " GROUP BY repo HAVING SUM(failures) > 0 ORDER BY SUM(failures) DESC", rs -> rs.getString(1), args);
    List<String> branches = Sql.list(c, "SELECT branch FROM pattern_days WHERE fingerprint = ? AND day >= ?" + repoFilter
        + " AND branch <> '' GROUP BY branch HAVING SUM(failures) > 0 ORDER BY SUM(failures) DESC", rs -> rs.getString(1), args);
    long occurrences = perDay.values().stream().mapToLong(Long::longValue).sum();
    Object[] jobArgs = query.repo() == null
        ? new Object[] {p.fingerprint(), query.since().toEpochMilli(), query.limit()}
        : new Object[] {p.fingerprint(), query.since().toEpochMilli(), query.repo(), query.limit()};
    List<PatternDetail.Occurrence> recent = Sql.list(c, "SELECT repo, workflow, job_name, run_id, attempt, branch, head_sha, "
        + "occurred_at, evidence FROM jobs WHERE fingerprint = ? AND occurred_at >= ?" + repoFilter
        + " ORDER BY occurred_at DESC LIMIT ?",
        rs -> new PatternDetail.Occurrence(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
            rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)), rs.getString(9)), jobArgs);
    List<Fix> fixes = Sql.list(c, "SELECT repo, branch, fixed_run_id, fixed_sha, MAX(fixed_message), MAX(fixed_at) FROM jobs "
        + "WHERE fingerprint = ? AND fixed_at IS NOT NULL AND fixed_at >= ?" + repoFilter
        + " GROUP BY repo, branch, fixed_run_id, fixed_sha ORDER BY MAX(fixed_at) DESC LIMIT ?",
        rs -> new Fix(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
            Instant.ofEpochMilli(rs.getLong(6))), jobArgs);
    long flaky = Sql.count(c, "SELECT COUNT(*) FROM flakes WHERE fingerprint = ?", p.fingerprint());
    PatternSummary summary = new PatternSummary(p.fingerprint(), p.name(), p.category(), p.ruleId(), p.summary(), occurrences,
        p.firstSeen(), p.lastSeen(), repos, p.lastFix());
    return Optional.of(new PatternDetail(summary, perDay, branches, recent, fixes, flaky));
  }
}
