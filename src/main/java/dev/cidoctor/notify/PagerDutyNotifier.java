package dev.cidoctor.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.Severity;
import java.net.URI;

/**
 * Triggers and resolves PagerDuty incidents through the Events API v2 ({@code POST /v2/enqueue}), with
 * the fingerprint as dedup_key so a recurrence joins the open incident and a recovery resolves it.
 * Limits from the Events API v2 reference: summary 1024 characters, dedup_key 255.
 */
final class PagerDutyNotifier extends PagingNotifier {
  static final String DEFAULT_URL = "https://events.pagerduty.com/v2/enqueue";
  static final int MAX_SUMMARY = 1024;

  private final URI endpoint;
  private final String routingKey;

  PagerDutyNotifier(URI endpoint, String routingKey) {
    this.endpoint = endpoint;
    this.routingKey = routingKey;
  }

  @Override
  public String channel() {
    return "pagerduty";
  }

  @Override
  void page(Notification n) {
    Http.send(channel(), "PagerDuty", Http.postJson(endpoint, Json.compact(render(n, routingKey))).build());
  }

  /** The event body; the routing key is a parameter so the golden file shows a placeholder. */
  static ObjectNode render(Notification n, String routingKey) {
    ObjectNode e = Json.object();
    e.put("routing_key", routingKey);
    e.put("dedup_key", Paging.key(n));
    if (n.kind() == Notification.Kind.RECOVERY) {
      e.put("event_action", "resolve");
      return e;
    }
    e.put("event_action", "trigger");
    ObjectNode p = e.putObject("payload");
    p.put("summary", Text.cut(Paging.summary(n), MAX_SUMMARY));
    p.put("source", Text.cut(n.repo(), 255));
    p.put("severity", n.severity() == Severity.CRITICAL ? "critical" : "error");
    p.put("timestamp", n.occurredAt().toString());
    p.put("component", Text.cut(Text.oneLine(n.workflow()), 255));
    p.put("group", Text.cut(n.repo(), 255));
    p.put("class", n.diagnosis().category().wireName());
    ObjectNode details = p.putObject("custom_details");
    details.put("branch", n.branch()).put("commit", n.commitSha()).put("author", n.commitAuthor())
        .put("rule", n.diagnosis().ruleId()).put("fingerprint", n.fingerprint()).put("similar_failures", Facts.similar(n));
    StringBuilder ev = new StringBuilder();
    for (Evidence x : n.diagnosis().evidence()) {
      if (ev.length() > 2000) {
        break;
      }
      ev.append(Text.cut(Facts.evidenceLine(x), 300)).append('\n');
    }
    details.put("evidence", ev.toString().stripTrailing());
    details.put("suggestion", Text.cut(n.diagnosis().suggestion(), 2000));
    String url = Facts.runUrl(n);
    if (url != null) {
      e.putArray("links").addObject().put("href", url).put("text", "Workflow run");
    }
    e.put("client", "cidoctor");
    if (url != null) {
      e.put("client_url", url);
    }
    return e;
  }
}
