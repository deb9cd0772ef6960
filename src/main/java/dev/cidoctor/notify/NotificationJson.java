package dev.cidoctor.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.model.Category;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a notification as the documented JSON of the generic webhook ({@code schema}
 * {@code cidoctor.notification/v1}) and reads it back, which is also how the outbox stores it. The
 * diagnosis's reasoning trace is not carried: no channel shows it.
 */
public final class NotificationJson {
  public static final String SCHEMA = "cidoctor.notification/v1";

  private NotificationJson() {}

  /** Returns the notification as compact JSON. */
  public static String write(Notification n) {
    return Json.compact(tree(n));
  }

  static ObjectNode tree(Notification n) {
    ObjectNode o = Json.object();
    o.put("schema", SCHEMA);
    o.put("kind", n.kind().name().toLowerCase(Locale.ROOT));
    o.put("occurred_at", n.occurredAt().toString());
    o.put("repo", n.repo());
    o.put("workflow", n.workflow());
    ObjectNode run = o.putObject("run");
    run.put("id", n.runId()).put("attempt", n.attempt()).put("number", n.runNumber()).put("url", n.runUrl());
    run.put("branch", n.branch());
    ObjectNode commit = o.putObject("commit");
    commit.put("sha", n.commitSha()).put("author", n.commitAuthor()).put("message", n.commitMessage());
    o.put("fingerprint", n.fingerprint());
    o.put("similar_count", n.similarCount());
    o.put("trend", n.trend());
    o.put("repeat", n.repeat());
    o.put("retry_pending", n.retryPending());
    ObjectNode cost = o.putObject("cost");
    cost.put("dollars", n.cost().dollars()).put("input_tokens", n.cost().inputTokens())
        .put("output_tokens", n.cost().outputTokens()).put("millis", n.cost().millis());
    if (n.mention() != null) {
      o.put("mention", n.mention());
    }
    Diagnosis d = n.diagnosis();
    if (d == null) {
      o.putNull("diagnosis");
      return o;
    }
    ObjectNode dn = o.putObject("diagnosis");
    dn.put("input", d.input()).put("job", d.job()).put("category", d.category().wireName())
        .put("severity", d.severity().wireName()).put("transient", d.transientFailure()).put("summary", d.summary())
        .put("suggestion", d.suggestion()).put("rule_id", d.ruleId()).put("confidence", d.confidence())
        .put("failed_step", d.failedStep()).put("fingerprint", d.fingerprint());
    ArrayNode ev = dn.putArray("evidence");
    for (Evidence e : d.evidence()) {
      ev.addObject().put("entry", e.entry()).put("line", e.line()).put("text", e.text());
    }
    ArrayNode tests = dn.putArray("failed_tests");
    d.failedTests().forEach(tests::add);
    return o;
  }

  /** Reads what {@link #write} wrote; throws IllegalArgumentException naming the problem otherwise. */
  public static Notification read(String json) {
    JsonNode o = Json.parse(json);
    if (!SCHEMA.equals(o.path("schema").asText())) {
      throw new IllegalArgumentException("not a " + SCHEMA + " document: schema is '" + o.path("schema").asText() + "'");
    }
    JsonNode run = o.path("run");
    JsonNode commit = o.path("commit");
    JsonNode cost = o.path("cost");
    Diagnosis d = null;
    JsonNode dn = o.path("diagnosis");
    if (dn.isObject()) {
      List<Evidence> ev = new ArrayList<>();
      for (JsonNode e : dn.path("evidence")) {
        ev.add(new Evidence(text(e, "entry"), e.path("line").asLong(), e.path("text").asText()));
      }
      List<String> tests = new ArrayList<>();
      dn.path("failed_tests").forEach(t -> tests.add(t.asText()));
      d = new Diagnosis(text(dn, "input"), text(dn, "job"), Category.fromWireName(dn.path("category").asText()),
          Severity.fromWireName(dn.path("severity").asText()), dn.path("transient").asBoolean(), text(dn, "summary"),
          text(dn, "suggestion"), text(dn, "rule_id"), dn.path("confidence").asDouble(), ev, text(dn, "failed_step"), tests,
          text(dn, "fingerprint"), List.of());
    }
    return new Notification(Notification.Kind.valueOf(o.path("kind").asText().toUpperCase(Locale.ROOT)), text(o, "repo"),
        text(o, "workflow"), run.path("id").asLong(), run.path("attempt").asInt(1), run.path("number").asLong(),
        text(run, "branch"), text(commit, "sha"), text(commit, "author"), text(commit, "message"), text(run, "url"), d,
        text(o, "fingerprint"), o.path("similar_count").asInt(), text(o, "trend"),
        new AnalysisCost(cost.path("dollars").asDouble(), cost.path("input_tokens").asLong(),
            cost.path("output_tokens").asLong(), cost.path("millis").asLong()),
        o.path("repeat").asBoolean(), o.path("retry_pending").asBoolean(), Instant.parse(o.path("occurred_at").asText()),
        text(o, "mention"));
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
