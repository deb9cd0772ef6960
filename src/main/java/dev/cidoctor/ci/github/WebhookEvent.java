package dev.cidoctor.ci.github;

import dev.cidoctor.model.Job;
import dev.cidoctor.model.WorkflowRun;

/**
 * One parsed GitHub webhook delivery. {@code run} is set for {@code workflow_run}, {@code job} (with
 * {@code runId} and {@code runAttempt}) for {@code workflow_job}; {@code repo} is {@code owner/name}
 * when the payload names a repository.
 */
public record WebhookEvent(Kind kind, String eventName, String action, String repo, WorkflowRun run, Job job,
    long runId, int runAttempt) {

  /** The deliveries cidoctor acts on; everything else is {@link #OTHER} and can be acknowledged and dropped. */
  public enum Kind { WORKFLOW_RUN, WORKFLOW_JOB, PING, OTHER }
}
