package dev.cidoctor.ci.github;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cidoctor.ci.RateLimit;
import dev.cidoctor.model.Commit;
import dev.cidoctor.model.Job;
import dev.cidoctor.model.JobStep;
import dev.cidoctor.model.WorkflowRun;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Turns GitHub's JSON into model records: the one place that knows both shapes. */
final class GitHubMapping {
  static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private GitHubMapping() {}

  /** Reads {@code body} as {@code type}; throws IOException with Jackson's reason when it is not that JSON. */
  static <T> T read(byte[] body, Class<T> type) throws IOException {
    T value = JSON.readValue(body, type);
    if (value == null) {
      throw new IOException("the body is JSON null");
    }
    return value;
  }

  static WorkflowRun run(String repo, GitHubJson.Run r) {
    require(r.id(), "workflow run id");
    GitHubJson.Actor actor = r.triggeringActor() != null ? r.triggeringActor() : r.actor();
    return new WorkflowRun(
        repo,
        r.id(),
        r.runAttempt() == null ? 1 : r.runAttempt(),
        r.runNumber() == null ? 0 : r.runNumber(),
        r.name(),
        workflowPath(r.path()),
        r.headSha(),
        r.headBranch(),
        r.event(),
        actor == null ? null : actor.login(),
        r.status(),
        r.conclusion(),
        r.htmlUrl(),
        r.displayTitle(),
        instant(r.createdAt()),
        instant(r.updatedAt()));
  }

  /** Maps a job; {@code attempt} is used when the JSON lacks {@code run_attempt} (older payloads). */
  static Job job(GitHubJson.Job j, long runId, int attempt) {
    require(j.id(), "job id");
    List<JobStep> steps = new ArrayList<>();
    if (j.steps() != null) {
      for (GitHubJson.Step s : j.steps()) {
        steps.add(new JobStep(s.number() == null ? 0 : s.number(), s.name(), s.status(), s.conclusion(),
            instant(s.startedAt()), instant(s.completedAt())));
      }
    }
    return new Job(j.id(), j.runId() == null ? runId : j.runId(),
        j.runAttempt() == null ? attempt : j.runAttempt(), j.name(), j.status(), j.conclusion(),
        instant(j.startedAt()), instant(j.completedAt()), j.htmlUrl(), j.runnerName(), steps);
  }

  static Commit commit(GitHubJson.CommitEntry c) {
    GitHubJson.CommitDetail d = c.commit();
    GitHubJson.GitUser gitAuthor = d == null ? null : d.author();
    String author = c.author() != null && c.author().login() != null ? c.author().login()
        : gitAuthor == null ? null : gitAuthor.name();
    return new Commit(c.sha(), author, d == null ? null : d.message(), gitAuthor == null ? null : instant(gitAuthor.date()));
  }

  static RateLimit rateLimit(GitHubJson.RateLimitAnswer a) {
    GitHubJson.Bucket b = a.resources() != null && a.resources().core() != null ? a.resources().core() : a.rate();
    if (b == null || b.limit() == null || b.remaining() == null || b.reset() == null) {
      throw new IllegalArgumentException("no core rate limit in the answer");
    }
    return new RateLimit("core", b.limit(), b.remaining(), b.used() == null ? b.limit() - b.remaining() : b.used(),
        Instant.ofEpochSecond(b.reset()));
  }

  /** Drops the {@code @ref} suffix that newer run payloads append ({@code .github/workflows/ci.yml@main}). */
  static String workflowPath(String path) {
    if (path == null) {
      return null;
    }
    int at = path.indexOf('@');
    return at < 0 ? path : path.substring(0, at);
  }

  /** Parses any ISO-8601 timestamp with an offset ({@code Z}, {@code -08:00}, with or without millis). */
  static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 timestamp: " + text, e);
    }
  }

  private static void require(Object value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("the " + what + " is missing");
    }
  }
}
