package dev.cidoctor.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.Severity;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Creates and closes Opsgenie alerts through the Alert API ({@code POST /v2/alerts}, {@code POST
 * /v2/alerts/{alias}/close?identifierType=alias}), with the fingerprint in the alias so Opsgenie
 * de-duplicates a recurrence. Limits from the Alert API reference: message 130, alias 512,
 * description 15000, 20 tags of 50, entity 512, source 100.
 */
final class OpsgenieNotifier extends PagingNotifier {
  static final String DEFAULT_URL = "https://api.opsgenie.com";
  static final int MAX_MESSAGE = 130;
  static final int MAX_DESCRIPTION = 15000;

  private final URI base;
  private final String apiKey;

  OpsgenieNotifier(URI base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
  }

  @Override
  public String channel() {
    return "opsgenie";
  }

  @Override
  void page(Notification n) {
    String root = base.toString().replaceAll("/+$", "");
    URI uri = n.kind() == Notification.Kind.RECOVERY
        ? URI.create(root + "/v2/alerts/" + URLEncoder.encode(Paging.key(n), StandardCharsets.UTF_8).replace("+", "%20")
            + "/close?identifierType=alias")
        : URI.create(root + "/v2/alerts");
    Http.send(channel(), "Opsgenie", Http.postJson(uri, Json.compact(render(n))).header("Authorization", "GenieKey " + apiKey).build());
  }

  static ObjectNode render(Notification n) {
    ObjectNode a = Json.object();
    if (n.kind() == Notification.Kind.RECOVERY) {
      a.put("source", "cidoctor");
      a.put("note", Text.cut(Paging.summary(n), 25000));
      return a;
    }
    a.put("message", Text.cut(Paging.summary(n), MAX_MESSAGE));
    a.put("alias", Paging.key(n));
    StringBuilder d = new StringBuilder();
    d.append(Text.oneLine(n.diagnosis().summary())).append("\n\n");
    for (Evidence e : n.diagnosis().evidence()) {
      d.append(Text.cut(Facts.evidenceLine(e), 300)).append('\n');
    }
    d.append('\n').append(n.diagnosis().suggestion() == null ? "" : n.diagnosis().suggestion());
    String url = Facts.runUrl(n);
    if (url != null) {
      d.append("\n\nRun: ").append(url);
    }
    a.put("description", Text.cut(Text.noBroadcast(d.toString()), MAX_DESCRIPTION));
    a.putArray("tags").add("cidoctor").add(n.diagnosis().category().wireName()).add(n.diagnosis().severity().wireName());
    ObjectNode details = a.putObject("details");
    details.put("repo", n.repo()).put("branch", Text.cut(n.branch(), 500)).put("commit", n.commitSha())
        .put("fingerprint", n.fingerprint()).put("similar_failures", Facts.similar(n));
    if (url != null) {
      details.put("run_url", url);
    }
    a.put("entity", Text.cut(n.repo(), 512));
    a.put("source", "cidoctor");
    a.put("priority", n.severity() == Severity.CRITICAL ? "P1" : "P2");
    return a;
  }
}
