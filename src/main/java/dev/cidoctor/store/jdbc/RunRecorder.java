package dev.cidoctor.store.jdbc;

import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.Job;
import dev.cidoctor.model.JobOutcome;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.store.PatternName;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The body of one {@code recordRun} transaction: upserts the attempt and its jobs, and keeps the
 * daily roll-ups, fixes and flakes in step by taking out what an earlier recording of the same rows
 * added before adding the new values, so recording twice counts once.
 */
final class RunRecorder {
  static final int MAX_EVIDENCE_CHARS = 2000;
  private static final long DAY_MS = 86_400_000L;

  private final Connection c;

  RunRecorder(Connection c) {
    this.c = c;
  }

  /** What an earlier recording of a job put into the roll-ups. */
  private record OldJob(boolean failed, String fingerprint, String branch, long occurredAt, double dollars,
      long inputTokens, long outputTokens, Long fixedAt) {}

  void record(WorkflowRun run, List<JobOutcome> jobs, Instant now) throws SQLException {
    long created = millis(run.createdAt(), now);
    // Locks the attempt's row first (an upsert locks even an existing row in PostgreSQL): a second
    // writer of the same attempt waits here and then sees everything the first one committed.
    Sql.update(c, "INSERT INTO run_attempts (repo, run_id, attempt) VALUES (?, ?, ?) "
        + "ON CONFLICT (repo, run_id, attempt) DO UPDATE SET repo = excluded.repo", run.repo(), run.id(), run.attempt());
    Optional<String[]> old = Sql.first(c, "SELECT workflow, branch, conclusion, created_at FROM run_attempts "
        + "WHERE repo = ? AND run_id = ? AND attempt = ? AND processed_at IS NOT NULL",
        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, run.repo(), run.id(), run.attempt());
    if (old.isPresent()) {
      String[] o = old.get();
      runDay(run.repo(), o[0], o[1], Long.parseLong(o[3]) / DAY_MS, -1, failedConclusion(o[2]) ? -1 : 0);
    }
    Sql.update(c, "UPDATE run_attempts SET workflow = ?, head_sha = ?, branch = ?, event = ?, actor = ?, conclusion = ?, "
        + "title = ?, html_url = ?, created_at = ?, completed_at = ?, processed_at = ?, claim_owner = NULL, claim_until = NULL "
        + "WHERE repo = ? AND run_id = ? AND attempt = ?",
        run.workflowName(), run.headSha(), run.branch(), run.event(), run.actor(), run.conclusion(), run.title(), run.htmlUrl(),
        created, run.updatedAt() == null ? null : run.updatedAt().toEpochMilli(), now.toEpochMilli(),
        run.repo(), run.id(), run.attempt());
    runDay(run.repo(), run.workflowName(), run.branch(), created / DAY_MS, 1, run.failed() ? 1 : 0);

    // Jobs in one order, so that two writers take the roll-up rows' locks in the same order.
    List<JobOutcome> sorted = jobs.stream().sorted(Comparator.comparingLong((JobOutcome j) -> j.job().id())).toList();
    for (JobOutcome o : sorted) {
      job(run, created, o, now);
    }
    if ("success".equals(run.conclusion())) {
      fixEarlierFailures(run, created);
    }
  }

  private void job(WorkflowRun run, long runCreated, JobOutcome o, Instant now) throws SQLException {
    Job job = o.job();
    Diagnosis d = o.diagnosis();
    AnalysisCost cost = o.cost();
    Optional<OldJob> old = Sql.first(c, "SELECT failed, fingerprint, branch, occurred_at, cost_dollars, input_tokens, "
        + "output_tokens, fixed_at FROM jobs WHERE repo = ? AND run_id = ? AND attempt = ? AND job_id = ?",
        rs -> new OldJob(rs.getInt(1) == 1, rs.getString(2), rs.getString(3), rs.getLong(4), rs.getDouble(5),
            rs.getLong(6), rs.getLong(7), Sql.longOrNull(rs, "fixed_at")),
        run.repo(), run.id(), run.attempt(), job.id());
    if (old.isPresent()) {
      OldJob j = old.get();
      if (j.failed() && j.fingerprint() != null) {
        patternDay(j.fingerprint(), run.repo(), j.branch(), j.occurredAt() / DAY_MS, -1);
        if (j.fixedAt() != null) {
          patternFixed(j.fingerprint(), run.repo(), j.branch(), j.occurredAt(), -1, j.fixedAt());
        }
      }
      spendDay(j.occurredAt() / DAY_MS, -j.dollars(), -j.inputTokens(), -j.outputTokens(), j.dollars() > 0 || j.inputTokens() > 0 ? -1 : 0);
    }
    boolean failed = job.failed() || (d != null && d.primary() != null && !"success".equals(job.conclusion()));
    long occurred = millis(job.completedAt() != null ? job.completedAt() : job.startedAt() != null ? job.startedAt() : null,
        Instant.ofEpochMilli(runCreated));
    String fingerprint = failed && d != null ? d.fingerprint() : null;
    Sql.update(c, "INSERT INTO jobs (repo, run_id, attempt, job_id, workflow, job_name, head_sha, branch, event, actor, "
        + "conclusion, failed, started_at, completed_at, run_created_at, occurred_at, category, rule_id, fingerprint, summary, "
        + "evidence, transient_failure, cost_dollars, input_tokens, output_tokens, duration_ms, recorded_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        + "ON CONFLICT (repo, run_id, attempt, job_id) DO UPDATE SET workflow = excluded.workflow, job_name = excluded.job_name, "
        + "head_sha = excluded.head_sha, branch = excluded.branch, event = excluded.event, actor = excluded.actor, "
        + "conclusion = excluded.conclusion, failed = excluded.failed, started_at = excluded.started_at, "
        + "completed_at = excluded.completed_at, run_created_at = excluded.run_created_at, occurred_at = excluded.occurred_at, "
        + "category = excluded.category, rule_id = excluded.rule_id, fingerprint = excluded.fingerprint, "
        + "summary = excluded.summary, evidence = excluded.evidence, transient_failure = excluded.transient_failure, "
        + "cost_dollars = excluded.cost_dollars, input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens, "
        + "duration_ms = excluded.duration_ms, recorded_at = excluded.recorded_at",
        run.repo(), run.id(), run.attempt(), job.id(), run.workflowName(), job.name(), run.headSha(), run.branch(), run.event(),
        run.actor(), job.conclusion(), failed ? 1 : 0, epoch(job.startedAt()), epoch(job.completedAt()), runCreated, occurred,
        d == null ? null : d.category().wireName(), d == null ? null : d.ruleId(), fingerprint,
        d == null ? null : d.summary(), d == null ? null : excerpt(d.evidence()), d != null && d.transientFailure() ? 1 : 0,
        cost.dollars(), cost.inputTokens(), cost.outputTokens(), cost.millis(), now.toEpochMilli());
    spendDay(occurred / DAY_MS, cost.dollars(), cost.inputTokens(), cost.outputTokens(),
        cost.dollars() > 0 || cost.inputTokens() > 0 ? 1 : 0);
    if (fingerprint != null) {
      pattern(fingerprint, d, occurred);
      patternDay(fingerprint, run.repo(), run.branch(), occurred / DAY_MS, 1);
      if (old.isPresent() && old.get().fixedAt() != null) { // the fix recorded earlier still holds
        patternFixed(fingerprint, run.repo(), run.branch(), occurred, 1, old.get().fixedAt());
      } else {
        fixedLater(run, runCreated, job.id(), fingerprint, occurred);
      }
    }
    if (old.isPresent() && old.get().fingerprint() != null) {
      // the earlier recording may have been this pattern's first or last sighting: recount both from the index
      Sql.update(c, "UPDATE patterns SET "
          + "first_seen = COALESCE((SELECT MIN(occurred_at) FROM jobs WHERE fingerprint = ?), first_seen), "
          + "last_seen = COALESCE((SELECT MAX(occurred_at) FROM jobs WHERE fingerprint = ?), last_seen) WHERE fingerprint = ?",
          old.get().fingerprint(), old.get().fingerprint(), old.get().fingerprint());
    }
    flake(run, job.name(), now);
  }

  private void pattern(String fingerprint, Diagnosis d, long occurred) throws SQLException {
    Sql.update(c, "INSERT INTO patterns (fingerprint, name, category, rule_id, summary, first_seen, last_seen) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET "
        + "first_seen = CASE WHEN excluded.first_seen < patterns.first_seen THEN excluded.first_seen ELSE patterns.first_seen END, "
        + "last_seen = CASE WHEN excluded.last_seen > patterns.last_seen THEN excluded.last_seen ELSE patterns.last_seen END, "
        + "summary = CASE WHEN excluded.last_seen >= patterns.last_seen THEN excluded.summary ELSE patterns.summary END",
        fingerprint, PatternName.of(d), d.category().wireName(), d.ruleId(), d.summary(), occurred, occurred);
  }

  /** A failure recorded after the green run that ended it (out of order): it was fixed by that run. */
  private void fixedLater(WorkflowRun run, long runCreated, long jobId, String fingerprint, long occurred) throws SQLException {
    Optional<GreenRun> green = Sql.first(c, "SELECT run_id, head_sha, title, created_at, completed_at FROM run_attempts "
        + "WHERE repo = ? AND workflow = ? AND branch = ? AND conclusion = 'success' AND created_at > ? AND processed_at IS NOT NULL "
        + "ORDER BY created_at LIMIT 1",
        GreenRun::read, run.repo(), run.workflowName(), run.branch(), runCreated);
    if (green.isPresent()) {
      markFixed(run.repo(), run.branch(), run.id(), run.attempt(), jobId, fingerprint, occurred, green.get());
    }
  }

  private void fixEarlierFailures(WorkflowRun run, long created) throws SQLException {
    GreenRun green = new GreenRun(run.id(), run.headSha(), run.title(), created,
        run.updatedAt() == null ? created : run.updatedAt().toEpochMilli());
    List<Object[]> unfixed = Sql.list(c, "SELECT run_id, attempt, job_id, fingerprint, occurred_at FROM jobs "
        + "WHERE repo = ? AND workflow = ? AND branch = ? AND failed = 1 AND fixed_at IS NULL "
        + "AND (run_created_at < ? OR (run_id = ? AND attempt < ?))",
        rs -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getLong(5)},
        run.repo(), run.workflowName(), run.branch(), created, run.id(), run.attempt());
    for (Object[] u : unfixed) {
      markFixed(run.repo(), run.branch(), (Long) u[0], (Integer) u[1], (Long) u[2], (String) u[3], (Long) u[4], green);
    }
  }

  private void markFixed(String repo, String branch, long runId, int attempt, long jobId, String fingerprint, long occurred,
      GreenRun g) throws SQLException {
    Sql.update(c, "UPDATE jobs SET fixed_run_id = ?, fixed_sha = ?, fixed_message = ?, fixed_at = ? "
        + "WHERE repo = ? AND run_id = ? AND attempt = ? AND job_id = ?",
        g.runId(), g.sha(), g.title(), g.completedAt(), repo, runId, attempt, jobId);
    if (fingerprint == null) {
      return;
    }
    patternFixed(fingerprint, repo, branch, occurred, 1, g.completedAt());
    Sql.update(c, "UPDATE patterns SET fixed_repo = ?, fixed_branch = ?, fixed_run_id = ?, fixed_sha = ?, fixed_message = ?, "
        + "fixed_at = ? WHERE fingerprint = ? AND (fixed_at IS NULL OR fixed_at < ?)",
        repo, branch, g.runId(), g.sha(), g.title(), g.completedAt(), fingerprint, g.completedAt());
  }

  /** The same job failed and passed on one commit: remember it as a flake. */
  private void flake(WorkflowRun run, String jobName, Instant now) throws SQLException {
    if (run.headSha() == null) {
      return;
    }
    List<Object[]> seen = Sql.list(c, "SELECT failed, conclusion, fingerprint, workflow FROM jobs "
        + "WHERE repo = ? AND head_sha = ? AND job_name = ?",
        rs -> new Object[] {rs.getInt(1) == 1, rs.getString(2), rs.getString(3), rs.getString(4)},
        run.repo(), run.headSha(), jobName);
    String fingerprint = null;
    boolean failed = false;
    boolean passed = false;
    for (Object[] s : seen) {
      if ((Boolean) s[0]) {
        failed = true;
        fingerprint = fingerprint == null ? (String) s[2] : fingerprint;
      } else if ("success".equals(s[1])) {
        passed = true;
      }
    }
    if (failed && passed) {
      Sql.update(c, "INSERT INTO flakes (repo, head_sha, job_name, workflow, fingerprint, detected_at) VALUES (?, ?, ?, ?, ?, ?) "
          + "ON CONFLICT (repo, head_sha, job_name) DO UPDATE SET fingerprint = excluded.fingerprint",
          run.repo(), run.headSha(), jobName, run.workflowName(), fingerprint, now.toEpochMilli());
    } else { // a re-recording changed an outcome: the commit no longer shows both
      Sql.update(c, "DELETE FROM flakes WHERE repo = ? AND head_sha = ? AND job_name = ?", run.repo(), run.headSha(), jobName);
    }
  }

  /** Adds (or with -1 takes out) one fixed failure and its time to recovery in the failure's day. */
  private void patternFixed(String fingerprint, String repo, String branch, long occurred, int sign, long fixedAt) throws SQLException {
    Sql.update(c, "UPDATE pattern_days SET fixed = fixed + ?, recovery_ms = recovery_ms + ? "
        + "WHERE fingerprint = ? AND repo = ? AND branch = ? AND day = ?",
        sign, sign * Math.max(0, fixedAt - occurred), fingerprint, repo, key(branch), occurred / DAY_MS);
  }

  private void runDay(String repo, String workflow, String branch, long day, int runs, int failedRuns) throws SQLException {
    Sql.update(c, "INSERT INTO run_days (repo, workflow, branch, day, runs, failed_runs) VALUES (?, ?, ?, ?, ?, ?) "
        + "ON CONFLICT (repo, workflow, branch, day) DO UPDATE SET runs = run_days.runs + excluded.runs, "
        + "failed_runs = run_days.failed_runs + excluded.failed_runs", repo, key(workflow), key(branch), day, runs, failedRuns);
  }

  private void patternDay(String fingerprint, String repo, String branch, long day, int failures) throws SQLException {
    Sql.update(c, "INSERT INTO pattern_days (fingerprint, repo, branch, day, failures) VALUES (?, ?, ?, ?, ?) "
        + "ON CONFLICT (fingerprint, day, repo, branch) DO UPDATE SET failures = pattern_days.failures + excluded.failures",
        fingerprint, repo, key(branch), day, failures);
    Sql.update(c, "INSERT INTO pattern_places (fingerprint, repo, branch, failures) VALUES (?, ?, ?, ?) "
        + "ON CONFLICT (fingerprint, repo, branch) DO UPDATE SET failures = pattern_places.failures + excluded.failures",
        fingerprint, repo, key(branch), failures);
  }

  private void spendDay(long day, double dollars, long in, long out, int analyses) throws SQLException {
    if (dollars == 0 && in == 0 && out == 0 && analyses == 0) {
      return;
    }
    Sql.update(c, "INSERT INTO spend_days (day, dollars, input_tokens, output_tokens, analyses) VALUES (?, ?, ?, ?, ?) "
        + "ON CONFLICT (day) DO UPDATE SET dollars = spend_days.dollars + excluded.dollars, "
        + "input_tokens = spend_days.input_tokens + excluded.input_tokens, "
        + "output_tokens = spend_days.output_tokens + excluded.output_tokens, analyses = spend_days.analyses + excluded.analyses",
        day, dollars, in, out, analyses);
  }

  private static boolean failedConclusion(String conclusion) {
    return "failure".equals(conclusion) || "timed_out".equals(conclusion) || "startup_failure".equals(conclusion);
  }

  /** The first evidence lines, up to {@link #MAX_EVIDENCE_CHARS}: enough to recognise the failure, never the log. */
  static String excerpt(List<Evidence> evidence) {
    StringBuilder sb = new StringBuilder();
    for (Evidence e : evidence) {
      String line = e.line() + ": " + e.text();
      if (sb.length() + line.length() + 1 > MAX_EVIDENCE_CHARS) {
        if (sb.length() == 0) {
          sb.append(line, 0, MAX_EVIDENCE_CHARS);
        }
        break;
      }
      sb.append(sb.length() == 0 ? "" : "\n").append(line);
    }
    return sb.toString();
  }

  static String key(String s) {
    return s == null ? "" : s;
  }

  private static Long epoch(Instant t) {
    return t == null ? null : t.toEpochMilli();
  }

  private static long millis(Instant t, Instant fallback) {
    return (t != null ? t : fallback).toEpochMilli();
  }

  /** The green run that ended a failure. */
  record GreenRun(long runId, String sha, String title, long createdAt, long completedAt) {
    static GreenRun read(java.sql.ResultSet rs) throws SQLException {
      long created = rs.getLong(4);
      Long completed = Sql.longOrNull(rs, "completed_at");
      return new GreenRun(rs.getLong(1), rs.getString(2), rs.getString(3), created, completed == null ? created : completed);
    }
  }
}
