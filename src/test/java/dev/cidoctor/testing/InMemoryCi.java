package dev.cidoctor.testing;

import dev.cidoctor.ci.CiException;
import dev.cidoctor.ci.CiProvider;
import dev.cidoctor.ci.RateLimit;
import dev.cidoctor.model.Commit;
import dev.cidoctor.model.Job;
import dev.cidoctor.model.JobStep;
import dev.cidoctor.model.WorkflowRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A CI provider in memory: runs, jobs, logs, files and commits the test puts in, with the port's
 * semantics (newest first, a time window, expired logs as GONE, unknown repos as NOT_FOUND). It
 * counts calls so tests can tell what was fetched. The HTTP behaviours live in FakeGitHub.
 */
public final class InMemoryCi implements CiProvider {
  private final Set<String> repos = new HashSet<>();
  private final Set<String> brokenRepos = new HashSet<>();
  private final List<WorkflowRun> runs = new ArrayList<>();
  private final Map<String, List<Job>> jobs = new HashMap<>();
  private final Map<Long, String> logs = new HashMap<>();
  private final Map<String, String> files = new HashMap<>();
  private final List<Commit> commits = new ArrayList<>();
  private final Map<String, Integer> calls = new HashMap<>();
  private long nextJobId = 1000;

  public synchronized InMemoryCi repo(String repo) {
    repos.add(repo);
    return this;
  }

  /** Makes every request about {@code repo} fail as a revoked token would. */
  public synchronized InMemoryCi breakRepo(String repo) {
    brokenRepos.add(repo);
    return this;
  }

  /** Adds a run attempt with one job per name; a job whose log is given failed, the others passed. */
  public synchronized WorkflowRun run(String repo, long id, int attempt, String conclusion, String sha, Instant created,
      Map<String, String> failedJobLogs, String... passedJobs) {
    repos.add(repo);
    WorkflowRun run = new WorkflowRun(repo, id, attempt, id % 1000, "CI", ".github/workflows/ci.yml", sha, "main", "push",
        "octocat", conclusion == null ? "in_progress" : "completed", conclusion, "https://github.com/" + repo + "/actions/runs/" + id,
        "Commit " + sha, created, created.plusSeconds(60));
    runs.removeIf(r -> r.repo().equals(repo) && r.id() == id && r.attempt() == attempt);
    runs.add(run);
    List<Job> list = new ArrayList<>();
    for (String name : passedJobs) {
      list.add(job(run, name, "success"));
    }
    for (Map.Entry<String, String> e : failedJobLogs.entrySet()) {
      Job j = job(run, e.getKey(), conclusion == null ? null : "failure");
      list.add(j);
      logs.put(j.id(), e.getValue());
    }
    jobs.put(run.key(), list);
    return run;
  }

  private Job job(WorkflowRun run, String name, String conclusion) {
    long id = nextJobId++;
    List<JobStep> steps = List.of(
        new JobStep(1, "Set up job", "completed", "success", run.createdAt(), run.createdAt()),
        new JobStep(2, "Run tests", "completed", conclusion, run.createdAt(), run.createdAt()));
    return new Job(id, run.id(), run.attempt(), name, conclusion == null ? "in_progress" : "completed", conclusion,
        run.createdAt(), run.createdAt().plusSeconds(30), run.htmlUrl() + "/job/" + id, "runner-1", steps);
  }

  public synchronized InMemoryCi expireLog(long jobId) {
    logs.remove(jobId);
    return this;
  }

  public synchronized InMemoryCi file(String repo, String path, String ref, String text) {
    files.put(repo + "@" + ref + ":" + path, text);
    return this;
  }

  public synchronized InMemoryCi commit(String sha, String author, String message) {
    commits.add(new Commit(sha, author, message, Instant.EPOCH));
    return this;
  }

  public synchronized int calls(String method) {
    return calls.getOrDefault(method, 0);
  }

  public synchronized List<Job> jobsOf(WorkflowRun run) {
    return jobs.getOrDefault(run.key(), List.of());
  }

  private void check(String repo, String method) {
    calls.merge(method, 1, Integer::sum);
    if (brokenRepos.contains(repo)) {
      throw new CiException(CiException.Kind.UNAUTHORIZED, repo, 401,
          "Cannot read " + repo + ": GitHub answered 401 Unauthorized. Set GITHUB_TOKEN to a token with actions:read.");
    }
    if (!repos.contains(repo)) {
      throw new CiException(CiException.Kind.NOT_FOUND, repo, 404, "Cannot find " + repo + ": GitHub answered 404 Not Found.");
    }
  }

  @Override
  public synchronized List<WorkflowRun> recentRuns(String repo, String workflow, String branch, Instant since, int limit) {
    check(repo, "recentRuns");
    Map<Long, WorkflowRun> latest = new HashMap<>();
    for (WorkflowRun r : runs) {
      if (r.repo().equals(repo) && (workflow == null || workflow.equals(r.workflowName()))
          && (branch == null || branch.equals(r.branch())) && !r.createdAt().isBefore(since)) {
        latest.merge(r.id(), r, (a, b) -> a.attempt() >= b.attempt() ? a : b);
      }
    }
    return latest.values().stream().sorted(Comparator.comparing(WorkflowRun::createdAt).reversed()).limit(limit).toList();
  }

  @Override
  public synchronized WorkflowRun run(String repo, long runId, Integer attempt) {
    check(repo, "run");
    return runs.stream().filter(r -> r.repo().equals(repo) && r.id() == runId && (attempt == null || r.attempt() == attempt))
        .max(Comparator.comparingInt(WorkflowRun::attempt))
        .orElseThrow(() -> new CiException(CiException.Kind.NOT_FOUND, repo, 404, "Run " + runId + " of " + repo + " does not exist."));
  }

  @Override
  public synchronized List<Job> jobs(String repo, long runId, int attempt) {
    check(repo, "jobs");
    return jobs.getOrDefault(repo + "#" + runId + "." + attempt, List.of());
  }

  @Override
  public synchronized void downloadJobLog(String repo, long jobId, Path target, long maxBytes) {
    check(repo, "downloadJobLog");
    String log = logs.get(jobId);
    if (log == null) {
      throw new CiException(CiException.Kind.GONE, repo, 410, "The logs of job " + jobId + " in " + repo + " expired.");
    }
    byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
    try {
      Files.write(target, bytes.length > maxBytes ? java.util.Arrays.copyOf(bytes, (int) maxBytes) : bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void downloadRunLogs(String repo, long runId, int attempt, Path target, long maxBytes) {
    throw new CiException(CiException.Kind.REJECTED, repo, 0, "InMemoryCi serves job logs only; use FakeGitHub for zips.");
  }

  @Override
  public synchronized Optional<String> file(String repo, String path, String ref) {
    check(repo, "file");
    return Optional.ofNullable(files.get(repo + "@" + ref + ":" + path));
  }

  @Override
  public synchronized List<Commit> commitsBetween(String repo, String base, String head) {
    check(repo, "commitsBetween");
    int from = -1;
    int to = -1;
    for (int i = 0; i < commits.size(); i++) {
      if (commits.get(i).sha().equals(base)) {
        from = i;
      }
      if (commits.get(i).sha().equals(head)) {
        to = i;
      }
    }
    return from < 0 || to < 0 || to <= from ? List.of() : List.copyOf(commits.subList(from + 1, to + 1));
  }

  @Override
  public synchronized Optional<WorkflowRun> lastSuccess(String repo, String workflowPath, String branch, Instant before) {
    check(repo, "lastSuccess");
    return runs.stream().filter(r -> r.repo().equals(repo) && "success".equals(r.conclusion())
            && r.branch().equals(branch) && r.createdAt().isBefore(before))
        .max(Comparator.comparing(WorkflowRun::createdAt));
  }

  @Override
  public void rerunRun(String repo, long runId) {
    check(repo, "rerunRun");
  }

  @Override
  public void rerunJob(String repo, long jobId) {
    check(repo, "rerunJob");
  }

  @Override
  public void rerunFailedJobs(String repo, long runId) {
    check(repo, "rerunFailedJobs");
  }

  @Override
  public RateLimit rateLimit() {
    return new RateLimit("core", 5000, 5000, 0, Instant.EPOCH);
  }
}
