package dev.cidoctor.ci;

import dev.cidoctor.model.Commit;
import dev.cidoctor.model.Job;
import dev.cidoctor.model.WorkflowRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A CI service that cidoctor reads runs, jobs and logs from, and asks to re-run failed jobs. Every
 * method either returns what the service said or throws a {@link CiException} naming the repo, the
 * request and the status; none returns partial data silently.
 */
public interface CiProvider {

  /**
   * Lists the runs of {@code repo} created at or after {@code since}, newest first, at most
   * {@code limit}; {@code workflow} (a name or a file name such as {@code ci.yml}) and {@code branch}
   * narrow it when not null. The first page is requested conditionally, so an unchanged list costs
   * no rate limit.
   */
  List<WorkflowRun> recentRuns(String repo, String workflow, String branch, Instant since, int limit);

  /** Returns one run; {@code attempt} null means its latest attempt. */
  WorkflowRun run(String repo, long runId, Integer attempt);

  /** Lists the jobs of one run attempt with their steps. */
  List<Job> jobs(String repo, long runId, int attempt);

  /**
   * Downloads one job's log to {@code target}, stopping at {@code maxBytes}; throws a CiException of
   * kind {@link CiException.Kind#GONE} when the log expired or never existed.
   */
  void downloadJobLog(String repo, long jobId, Path target, long maxBytes);

  /** Downloads a run attempt's logs zip to {@code target}, stopping at {@code maxBytes}. */
  void downloadRunLogs(String repo, long runId, int attempt, Path target, long maxBytes);

  /** Returns a repository file's text at {@code ref}, or empty when the path does not exist there. */
  Optional<String> file(String repo, String path, String ref);

  /** Lists the commits after {@code base} up to {@code head}, oldest first (at most 250). */
  List<Commit> commitsBetween(String repo, String base, String head);

  /**
   * Returns the newest successful run of the same workflow file on {@code branch} created before
   * {@code before}, looking back at most a few pages.
   */
  Optional<WorkflowRun> lastSuccess(String repo, String workflowPath, String branch, Instant before);

  /** Asks the service to re-run the failed jobs of a run (a new attempt). */
  void rerunFailedJobs(String repo, long runId);

  /** Asks the service to re-run every job of a run (a new attempt). */
  void rerunRun(String repo, long runId);

  /** Asks the service to re-run one job and the jobs that depend on it (a new attempt of its run). */
  void rerunJob(String repo, long jobId);

  /** Returns the primary rate limit as the service reports it now (free of charge on GitHub). */
  RateLimit rateLimit();
}
