package dev.cidoctor.ci.github;

import java.util.List;

/**
 * The parts of GitHub's JSON that cidoctor reads, as records bound by a snake_case Jackson mapper that
 * ignores unknown fields; anything missing stays null. Field names follow docs.github.com/rest.
 */
final class GitHubJson {
  private GitHubJson() {}

  record Actor(String login) {}

  record Repository(Long id, String fullName) {}

  record Run(
      Long id,
      String name,
      String path,
      Long runNumber,
      Integer runAttempt,
      String headSha,
      String headBranch,
      String event,
      Actor actor,
      Actor triggeringActor,
      String status,
      String conclusion,
      String htmlUrl,
      String displayTitle,
      String createdAt,
      String updatedAt,
      Repository repository) {}

  record RunsPage(Long totalCount, List<Run> workflowRuns) {}

  record Step(Integer number, String name, String status, String conclusion, String startedAt, String completedAt) {}

  record Job(
      Long id,
      Long runId,
      Integer runAttempt,
      String name,
      String status,
      String conclusion,
      String startedAt,
      String completedAt,
      String htmlUrl,
      String runnerName,
      List<Step> steps) {}

  record JobsPage(Long totalCount, List<Job> jobs) {}

  record Workflow(Long id, String name, String path) {}

  record WorkflowsPage(Long totalCount, List<Workflow> workflows) {}

  record Content(String type, String encoding, String content) {}

  record GitUser(String name, String date) {}

  record CommitDetail(GitUser author, String message) {}

  record CommitEntry(String sha, CommitDetail commit, Actor author) {}

  record Compare(List<CommitEntry> commits) {}

  record Bucket(Integer limit, Integer remaining, Integer used, Long reset) {}

  record Resources(Bucket core) {}

  record RateLimitAnswer(Resources resources, Bucket rate) {}

  record ErrorBody(String message) {}

  record WebhookPayload(
      String action,
      Repository repository,
      Run workflowRun,
      Job workflowJob,
      Long hookId,
      String zen) {}
}
