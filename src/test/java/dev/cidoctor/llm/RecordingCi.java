package dev.cidoctor.llm;

import dev.cidoctor.ci.CiException;
import dev.cidoctor.ci.CiProvider;
import dev.cidoctor.ci.RateLimit;
import dev.cidoctor.model.Commit;
import dev.cidoctor.model.Job;
import dev.cidoctor.model.WorkflowRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CI provider holding one repository's files and history in memory and recording every call, so a
 * test can say which reads the tools made and that nothing else (a rerun) was ever asked for.
 */
final class RecordingCi implements CiProvider {
  final List<String> calls = new ArrayList<>();
  private final Map<String, String> files;
  private final WorkflowRun lastSuccess;
  private final List<Commit> commits;

  RecordingCi(Map<String, String> files, WorkflowRun lastSuccess, List<Commit> commits) {
    this.files = Map.copyOf(files);
    this.lastSuccess = lastSuccess;
    this.commits = List.copyOf(commits);
  }

  @Override
  public synchronized Optional<String> file(String repo, String path, String ref) {
    calls.add("file " + repo + " " + path + " @" + ref);
    return Optional.ofNullable(files.get(path));
  }

  @Override
  public synchronized Optional<WorkflowRun> lastSuccess(String repo, String workflowPath, String branch, Instant before) {
    calls.add("lastSuccess " + repo + " " + workflowPath + " " + branch);
    return Optional.ofNullable(lastSuccess);
  }

  @Override
  public synchronized List<Commit> commitsBetween(String repo, String base, String head) {
    calls.add("commitsBetween " + base + ".." + head);
    return commits;
  }

  @Override
  public synchronized void rerunRun(String repo, long runId) {
    calls.add("rerunRun " + runId);
  }

  @Override
  public synchronized void rerunJob(String repo, long jobId) {
    calls.add("rerunJob " + jobId);
  }

  @Override
  public synchronized void rerunFailedJobs(String repo, long runId) {
    calls.add("rerunFailedJobs " + runId);
  }

  private CiException notHeld(String what) {
    calls.add(what);
    return new CiException(CiException.Kind.NOT_FOUND, "octo/shop", 404, what + " is not held by this test double");
  }

  @Override
  public List<WorkflowRun> recentRuns(String repo, String workflow, String branch, Instant since, int limit) {
    throw notHeld("recentRuns");
  }

  @Override
  public WorkflowRun run(String repo, long runId, Integer attempt) {
    throw notHeld("run");
  }

  @Override
  public List<Job> jobs(String repo, long runId, int attempt) {
    throw notHeld("jobs");
  }

  @Override
  public void downloadJobLog(String repo, long jobId, Path target, long maxBytes) {
    throw notHeld("downloadJobLog");
  }

  @Override
  public void downloadRunLogs(String repo, long runId, int attempt, Path target, long maxBytes) {
    throw notHeld("downloadRunLogs");
  }

  @Override
  public RateLimit rateLimit() {
    throw notHeld("rateLimit");
  }
}
