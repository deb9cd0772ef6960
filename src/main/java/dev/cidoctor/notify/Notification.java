package dev.cidoctor.notify;

import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.model.Commit;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.Severity;
import dev.cidoctor.model.WorkflowRun;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Describes one event worth telling people about: a run attempt that failed (with its diagnosis) or a
 * workflow that passed again after failing. Text fields hold raw text (escaping is each channel's job);
 * the monitor redacts secrets with {@link #redacted} before enqueueing.
 *
 * @param commitAuthor the author's GitHub login, used to look up whom to mention
 * @param fingerprint the failure's fingerprint; for a recovery, the fingerprint of the failure that ended
 * @param similarCount how many earlier failures had the same fingerprint
 * @param trend a short phrase about the pattern's history ("3 times in the past week, rising"), or null
 * @param repeat the same fingerprint already failed on this branch since the branch last passed
 * @param retryPending an automatic retry of this run is queued or running, so the outcome is not final
 * @param mention the channel's user id to mention, set by the router per channel; null for none
 */
public record Notification(
    Kind kind,
    String repo,
    String workflow,
    long runId,
    int attempt,
    long runNumber,
    String branch,
    String commitSha,
    String commitAuthor,
    String commitMessage,
    String runUrl,
    Diagnosis diagnosis,
    String fingerprint,
    int similarCount,
    String trend,
    AnalysisCost cost,
    boolean repeat,
    boolean retryPending,
    Instant occurredAt,
    String mention) {

  /** What happened. */
  public enum Kind {
    FAILURE,
    RECOVERY
  }

  public Notification {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(occurredAt, "occurredAt");
    if (kind == Kind.FAILURE && diagnosis == null) {
      throw new IllegalArgumentException("a failure notification needs a diagnosis: " + repo + "#" + runId);
    }
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be 1 or more: " + attempt);
    }
    if (similarCount < 0) {
      throw new IllegalArgumentException("similarCount cannot be negative: " + similarCount);
    }
    workflow = workflow == null ? "workflow" : workflow;
    cost = cost == null ? AnalysisCost.NONE : cost;
    if (fingerprint == null && diagnosis != null) {
      fingerprint = diagnosis.fingerprint();
    }
  }

  /** Builds the notification for a failed run attempt from what the monitor has. */
  public static Notification failure(WorkflowRun run, Commit commit, Diagnosis diagnosis, int similarCount, String trend,
      AnalysisCost cost, boolean repeat, boolean retryPending, Instant now) {
    return new Notification(Kind.FAILURE, run.repo(), run.workflowName(), run.id(), run.attempt(), run.runNumber(),
        run.branch(), commit == null ? run.headSha() : commit.sha(), commit == null ? run.actor() : commit.author(),
        commit == null ? run.title() : commit.message(), run.htmlUrl(), diagnosis, diagnosis.fingerprint(), similarCount,
        trend, cost, repeat, retryPending, now, null);
  }

  /** Builds the notification for a run that passed after {@code fingerprint} failed on its branch. */
  public static Notification recovery(WorkflowRun run, Commit commit, String fingerprint, Instant now) {
    return new Notification(Kind.RECOVERY, run.repo(), run.workflowName(), run.id(), run.attempt(), run.runNumber(),
        run.branch(), commit == null ? run.headSha() : commit.sha(), commit == null ? run.actor() : commit.author(),
        commit == null ? run.title() : commit.message(), run.htmlUrl(), null, fingerprint, 0, null, AnalysisCost.NONE,
        false, false, now, null);
  }

  /** The diagnosis's severity, or null for a recovery. */
  public Severity severity() {
    return diagnosis == null ? null : diagnosis.severity();
  }

  /** The first line of the commit message. */
  public String commitHeadline() {
    if (commitMessage == null) {
      return "";
    }
    int nl = commitMessage.indexOf('\n');
    return nl < 0 ? commitMessage : commitMessage.substring(0, nl);
  }

  /** The first 7 characters of the commit sha, or an empty string. */
  public String shortSha() {
    return commitSha == null ? "" : Commit.shortSha(commitSha);
  }

  /** The idempotency key of this event on {@code channel}: one delivery per channel, run attempt and kind. */
  public String key(String channel) {
    return channel + ":" + repo + "#" + runId + "." + attempt + ":" + kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Returns a copy that mentions {@code userId} (a channel user id), or nobody when null. */
  public Notification withMention(String userId) {
    return new Notification(kind, repo, workflow, runId, attempt, runNumber, branch, commitSha, commitAuthor, commitMessage,
        runUrl, diagnosis, fingerprint, similarCount, trend, cost, repeat, retryPending, occurredAt, userId);
  }

  /**
   * Returns a copy with {@code redactor} applied to every free text that may hold a secret: the commit
   * message, branch, trend, and the diagnosis's summary, suggestion, evidence, failed step and tests.
   */
  public Notification redacted(UnaryOperator<String> redactor) {
    Diagnosis d = diagnosis;
    if (d != null) {
      List<Evidence> evidence = d.evidence().stream()
          .map(e -> new Evidence(e.entry(), e.line(), orEmpty(redactor.apply(e.text())))).toList();
      d = new Diagnosis(d.input(), d.job(), d.category(), d.severity(), d.transientFailure(), apply(redactor, d.summary()),
          apply(redactor, d.suggestion()), d.ruleId(), d.confidence(), evidence, apply(redactor, d.failedStep()),
          d.failedTests().stream().map(t -> orEmpty(redactor.apply(t))).toList(), d.fingerprint(), d.trace());
    }
    return new Notification(kind, repo, workflow, runId, attempt, runNumber, apply(redactor, branch), commitSha, commitAuthor,
        apply(redactor, commitMessage), runUrl, d, fingerprint, similarCount, apply(redactor, trend), cost, repeat,
        retryPending, occurredAt, mention);
  }

  private static String apply(UnaryOperator<String> f, String s) {
    return s == null ? null : f.apply(s);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
