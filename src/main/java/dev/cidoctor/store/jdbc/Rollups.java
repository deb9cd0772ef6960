package dev.cidoctor.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Recomputes the daily roll-ups and the flakes from the jobs and run attempts they summarise, in one
 * transaction. Every write keeps them in step already; this is for bulk loads (the benchmark) and to
 * check, in tests, that the incremental bookkeeping agrees with a recount.
 */
final class Rollups {
  private static final String FAILED = "('failure', 'timed_out', 'startup_failure')";

  private Rollups() {}

  static void rebuild(Connection c) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("DELETE FROM pattern_days");
      s.execute("INSERT INTO pattern_days (fingerprint, repo, branch, day, failures, fixed, recovery_ms) "
          + "SELECT fingerprint, repo, COALESCE(branch, ''), occurred_at / 86400000, COUNT(*), "
          + "SUM(CASE WHEN fixed_at IS NULL THEN 0 ELSE 1 END), "
          + "SUM(CASE WHEN fixed_at IS NULL OR fixed_at < occurred_at THEN 0 ELSE fixed_at - occurred_at END) "
          + "FROM jobs WHERE failed = 1 AND fingerprint IS NOT NULL GROUP BY fingerprint, repo, COALESCE(branch, ''), occurred_at / 86400000");
      s.execute("DELETE FROM pattern_places");
      s.execute("INSERT INTO pattern_places (fingerprint, repo, branch, failures) "
          + "SELECT fingerprint, repo, branch, SUM(failures) FROM pattern_days GROUP BY fingerprint, repo, branch");
      s.execute("DELETE FROM run_days");
      s.execute("INSERT INTO run_days (repo, workflow, branch, day, runs, failed_runs) "
          + "SELECT repo, COALESCE(workflow, ''), COALESCE(branch, ''), created_at / 86400000, COUNT(*), "
          + "SUM(CASE WHEN conclusion IN " + FAILED + " THEN 1 ELSE 0 END) FROM run_attempts WHERE processed_at IS NOT NULL "
          + "GROUP BY repo, COALESCE(workflow, ''), COALESCE(branch, ''), created_at / 86400000");
      s.execute("DELETE FROM spend_days");
      s.execute("INSERT INTO spend_days (day, dollars, input_tokens, output_tokens, analyses) "
          + "SELECT occurred_at / 86400000, SUM(cost_dollars), SUM(input_tokens), SUM(output_tokens), "
          + "SUM(CASE WHEN cost_dollars > 0 OR input_tokens > 0 THEN 1 ELSE 0 END) FROM jobs "
          + "GROUP BY occurred_at / 86400000 HAVING SUM(CASE WHEN cost_dollars > 0 OR input_tokens > 0 THEN 1 ELSE 0 END) > 0");
      s.execute("DELETE FROM flakes");
      s.execute("INSERT INTO flakes (repo, head_sha, job_name, workflow, fingerprint, detected_at) "
          + "SELECT repo, head_sha, job_name, MIN(workflow), MIN(CASE WHEN failed = 1 THEN fingerprint END), MAX(recorded_at) "
          + "FROM jobs WHERE head_sha IS NOT NULL GROUP BY repo, head_sha, job_name "
          + "HAVING SUM(failed) > 0 AND SUM(CASE WHEN failed = 0 AND conclusion = 'success' THEN 1 ELSE 0 END) > 0");
      s.execute("UPDATE patterns SET first_seen = COALESCE((SELECT MIN(occurred_at) FROM jobs WHERE jobs.fingerprint = patterns.fingerprint), first_seen), "
          + "last_seen = COALESCE((SELECT MAX(occurred_at) FROM jobs WHERE jobs.fingerprint = patterns.fingerprint), last_seen)");
      // the latest fix of each pattern: one index lookup per pattern and column (a join over all fixed jobs took minutes)
      s.execute("UPDATE patterns SET fixed_at = (SELECT MAX(fixed_at) FROM jobs WHERE jobs.fingerprint = patterns.fingerprint "
          + "AND jobs.fixed_at IS NOT NULL)");
      StringBuilder sb = new StringBuilder("UPDATE patterns SET ");
      String[][] columns = {{"fixed_repo", "repo"}, {"fixed_branch", "branch"}, {"fixed_run_id", "fixed_run_id"},
          {"fixed_sha", "fixed_sha"}, {"fixed_message", "fixed_message"}};
      for (int k = 0; k < columns.length; k++) {
        sb.append(k == 0 ? "" : ", ").append(columns[k][0]).append(" = (SELECT ").append(columns[k][1])
            .append(" FROM jobs WHERE jobs.fingerprint = patterns.fingerprint AND jobs.fixed_at IS NOT NULL ")
            .append("AND jobs.fixed_at = patterns.fixed_at ORDER BY jobs.recorded_at, jobs.run_id, jobs.job_id LIMIT 1)");
      }
      s.execute(sb.append(" WHERE fixed_at IS NOT NULL").toString());
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }
}
