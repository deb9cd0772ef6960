package dev.cidoctor.ci.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * Maps GitHub's JSON to the model records, in one place. Unknown fields are ignored and optional ones
 * may be null or absent; a body that is not JSON, or lacks a field the mapping cannot do without,
 * throws IllegalArgumentException naming the field.
 */
final class GitHubJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private GitHubJson() {}

  static JsonNode parse(byte[] body) {
    try {
      JsonNode n = MAPPER.readTree(body);
      if (n == null || n.isMissingNode()) {
        throw new IllegalArgumentException("the body is empty");
      }
      return n;
    } catch (IOException e) {
      String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new IllegalArgumentException("the body is not JSON (" + why + ")", e);
    }
  }

  static WorkflowRun run(JsonNode n, String repoHint) {
    String repo = text(n.path("repository"), "full_name");
    if (repo == null) {
      repo = repoHint;
    }
    String path = text(n, "path");
    if (path != null && path.contains("@")) {
      path = path.substring(0, path.indexOf('@')); // newer payloads append @ref to the path
    }
    int attempt = n.path("run_attempt").asInt(1);
    String actor = text(n.path("actor"), "login");
    if (actor == null) {
      actor = text(n.path("triggering_actor"), "login");
    }
    return new WorkflowRun(repo, required(n, "id").asLong(), Math.max(1, attempt), n.path("run_number").asLong(0),
        text(n, "name"), path, text(n, "head_sha"), text(n, "head_branch"), text(n, "event"), actor,
        text(n, "status"), text(n, "conclusion"), text(n, "html_url"), text(n, "display_title"),
        created(n), time(n, "updated_at"));
  }

  /** The creation time; runs are ordered by it, so a missing one sorts first instead of failing. */
  private static Instant created(JsonNode n) {
    Instant t = time(n, "created_at");
    if (t == null) {
      t = time(n, "run_started_at");
    }
    return t == null ? Instant.EPOCH : t;
  }

  static Job job(JsonNode n, int attemptHint) {
    List<JobStep> steps = new ArrayList<>();
    for (JsonNode s : n.path("steps")) {
      steps.add(new JobStep(s.path("number").asInt(0), text(s, "name"), text(s, "status"), text(s, "conclusion"),
          time(s, "started_at"), time(s, "completed_at")));
    }
    return new Job(required(n, "id").asLong(), n.path("run_id").asLong(0), n.path("run_attempt").asInt(attemptHint),
        text(n, "name"), text(n, "status"), text(n, "conclusion"), time(n, "started_at"), time(n, "completed_at"),
        text(n, "html_url"), text(n, "runner_name"), steps);
  }

  static Commit commit(JsonNode n) {
    JsonNode c = n.path("commit");
    String author = text(n.path("author"), "login");
    if (author == null) {
      author = text(c.path("author"), "name");
    }
    return new Commit(text(n, "sha"), author, text(c, "message"), time(c.path("author"), "date"));
  }

  static JsonNode required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("the field '" + field + "' is missing");
    }
    return v;
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Parses any ISO-8601 time with an offset (step times carry offsets and millis); null when absent or odd. */
  static Instant time(JsonNode n, String field) {
    String s = text(n, field);
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
