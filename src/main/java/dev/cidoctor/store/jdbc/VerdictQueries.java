package dev.cidoctor.store.jdbc;

import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Job;
import dev.cidoctor.model.JobOutcome;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.store.Fix;
import dev.cidoctor.store.PatternName;
import dev.cidoctor.store.Verdict;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Gathers the facts a verdict needs with a handful of index lookups, then lets {@link Verdict#decide} judge. */
final class VerdictQueries {
  private final Connection c;

  VerdictQueries(Connection c) {
    this.c = c;
  }

  Verdict verdict(JobOutcome o, String defaultBranch) throws SQLException {
    WorkflowRun run = o.run();
    Job job = o.job();
    Diagnosis d = o.diagnosis();
    if (d == null) {
      throw new IllegalArgumentException("a verdict needs a diagnosis; job " + job.id() + " of " + run.key() + " has none");
    }
    String fp = d.fingerprint();
    long runCreated = (run.createdAt() == null ? Instant.EPOCH : run.createdAt()).toEpochMilli();
    Instant at = job.completedAt() != null ? job.completedAt() : job.startedAt() != null ? job.startedAt() : run.createdAt();
    long occurred = (at == null ? Instant.EPOCH : at).toEpochMilli();
    Optional<Queries.PatternRow> row = new Queries(c).patternRow(fp);
    String name = row.map(Queries.PatternRow::name).orElse(PatternName.of(d));
    Optional<Fix> lastFix = row.flatMap(Queries.PatternRow::lastFix);

    // all occurrences from the roll-up, less the few at or after this one: no scan of a common pattern's jobs
    long prior = Math.max(0, Sql.count(c, "SELECT SUM(failures) FROM pattern_places WHERE fingerprint = ?", fp)
        - Sql.count(c, "SELECT COUNT(*) FROM jobs WHERE fingerprint = ? AND occurred_at >= ?", fp, occurred));
    boolean flakyHere = run.headSha() != null && Sql.count(c, "SELECT COUNT(*) FROM flakes WHERE repo = ? AND head_sha = ? "
        + "AND job_name = ?", run.repo(), run.headSha(), job.name()) > 0;
    long patternFlaky = Sql.count(c, "SELECT COUNT(*) FROM flakes WHERE fingerprint = ?", fp);

    Optional<Long> defaultFailure = Optional.empty();
    if (defaultBranch != null && !defaultBranch.equals(run.branch())) {
      Optional<Object[]> latest = Sql.first(c, "SELECT run_id, attempt, conclusion FROM run_attempts WHERE repo = ? "
          + "AND workflow = ? AND branch = ? AND created_at <= ? AND processed_at IS NOT NULL ORDER BY created_at DESC, attempt DESC",
          rs -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3)}, run.repo(), run.workflowName(), defaultBranch, runCreated);
      if (latest.isPresent() && !"success".equals(latest.get()[2]) && Sql.count(c, "SELECT COUNT(*) FROM jobs WHERE repo = ? "
          + "AND run_id = ? AND attempt = ? AND fingerprint = ?", run.repo(), latest.get()[0], latest.get()[1], fp) > 0) {
        defaultFailure = Optional.of((Long) latest.get()[0]);
      }
    }
    Optional<Long> previousGreen = Optional.empty();
    if (run.branch() != null) {
      Optional<Object[]> previous = Sql.first(c, "SELECT run_id, conclusion FROM run_attempts WHERE repo = ? AND workflow = ? "
          + "AND branch = ? AND created_at < ? AND processed_at IS NOT NULL ORDER BY created_at DESC, attempt DESC",
          rs -> new Object[] {rs.getLong(1), rs.getString(2)}, run.repo(), run.workflowName(), run.branch(), runCreated);
      if (previous.isPresent() && "success".equals(previous.get()[1])) {
        previousGreen = Optional.of((Long) previous.get()[0]);
      }
    }
    return Verdict.decide(new Verdict.Facts(name, job.name(), run.headSha(), d.transientFailure(), d.category().wireName(),
        prior, lastFix, flakyHere, patternFlaky, run.branch(), defaultBranch, defaultFailure, previousGreen));
  }
}
