package dev.cidoctor.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps one GitHub issue per failure fingerprint per repo. The issue is found again by a hidden marker
 * in its body, listing the issues that carry the lookup label (the list is consistent at once, unlike
 * search, whose index lags behind a just-created issue); a recurrence comments on it, reopening it when
 * closed, at most once per run attempt; a recovery comments and closes it.
 */
final class GitHubIssueNotifier implements Notifier {
  static final String DEFAULT_API = "https://api.github.com";
  private static final int MAX_PAGES = 10;
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

  private final String api;
  private final String token;
  private final List<String> labels;

  /** {@code labels} must not be empty: the first one is the lookup label. */
  GitHubIssueNotifier(URI api, String token, List<String> labels) {
    this.api = api.toString().replaceAll("/+$", "");
    this.token = token;
    this.labels = List.copyOf(labels);
    if (this.labels.isEmpty()) {
      throw new IllegalArgumentException("at least one label is needed to find the issues again");
    }
  }

  @Override
  public String channel() {
    return "github";
  }

  @Override
  public boolean accepts(Notification n) {
    return n.fingerprint() != null && n.repo().matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
  }

  @Override
  public void send(Notification n) {
    if (!accepts(n)) {
      return;
    }
    JsonNode issue = find(n);
    if (issue == null) {
      if (n.kind() == Notification.Kind.FAILURE) {
        ObjectNode body = Json.object();
        body.put("title", IssueBody.title(n));
        body.put("body", IssueBody.issue(n));
        labels.forEach(body.withArray("labels")::add);
        call(n, "POST", "/repos/" + n.repo() + "/issues", body);
      }
      return;
    }
    long number = issue.path("number").asLong();
    String runMarker = IssueBody.runMarker(n);
    if (issue.path("body").asText().contains(runMarker) || commented(n, number, runMarker)) {
      return;
    }
    boolean open = "open".equals(issue.path("state").asText());
    if (n.kind() == Notification.Kind.FAILURE && !open) {
      call(n, "PATCH", "/repos/" + n.repo() + "/issues/" + number, Json.object().put("state", "open"));
    }
    if (n.kind() == Notification.Kind.RECOVERY && !open) {
      return;
    }
    call(n, "POST", "/repos/" + n.repo() + "/issues/" + number + "/comments", Json.object().put("body", IssueBody.comment(n)));
    if (n.kind() == Notification.Kind.RECOVERY) {
      call(n, "PATCH", "/repos/" + n.repo() + "/issues/" + number,
          Json.object().put("state", "closed").put("state_reason", "completed"));
    }
  }

  /** The issue whose body carries this fingerprint's marker, open or closed, or null. */
  private JsonNode find(Notification n) {
    String marker = IssueBody.fingerprintMarker(n);
    String url = api + "/repos/" + n.repo() + "/issues?state=all&per_page=100&labels="
        + URLEncoder.encode(labels.get(0), StandardCharsets.UTF_8);
    for (int page = 0; url != null && page < MAX_PAGES; page++) {
      Http.Response r = exchange(n, request(URI.create(url)).GET().build());
      for (JsonNode issue : Json.parse(r.body())) {
        if (!issue.has("pull_request") && issue.path("body").asText().contains(marker)) {
          return issue;
        }
      }
      url = next(r);
    }
    return null;
  }

  private boolean commented(Notification n, long number, String runMarker) {
    String url = api + "/repos/" + n.repo() + "/issues/" + number + "/comments?per_page=100";
    for (int page = 0; url != null && page < MAX_PAGES; page++) {
      Http.Response r = exchange(n, request(URI.create(url)).GET().build());
      for (JsonNode c : Json.parse(r.body())) {
        if (c.path("body").asText().contains(runMarker)) {
          return true;
        }
      }
      url = next(r);
    }
    return false;
  }

  private static String next(Http.Response r) {
    String link = r.raw().headers().firstValue("Link").orElse("");
    Matcher m = NEXT.matcher(link);
    return m.find() ? m.group(1) : null;
  }

  private void call(Notification n, String method, String path, ObjectNode body) {
    HttpRequest req = request(URI.create(api + path)).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(Json.compact(body), StandardCharsets.UTF_8)).build();
    exchange(n, req);
  }

  /** Sends one request, turning GitHub's answers into sentences that say what to do. */
  private Http.Response exchange(Notification n, HttpRequest req) {
    try {
      return Http.send(channel(), "GitHub", req);
    } catch (NotifyException e) {
      if (e.status() == 410) {
        throw new NotifyException(NotifyException.Reason.REJECTED, channel(), 410,
            "Cannot deliver to github: issues are disabled in " + n.repo() + "; enable them or unset GITHUB_CREATE_ISSUES.");
      }
      if (e.status() == 403 && e.getMessage().contains("rate limit")) {
        throw new NotifyException(NotifyException.Reason.UNAVAILABLE, channel(), 403,
            "Cannot deliver to github: GitHub's rate limit is exhausted for now.");
      }
      if (e.status() == 401 || e.status() == 403) {
        throw new NotifyException(NotifyException.Reason.REJECTED, channel(), e.status(),
            "Cannot deliver to github: GitHub answered " + e.status() + " for " + n.repo()
                + "; set GITHUB_TOKEN to a token with issues:write on it.");
      }
      throw e;
    }
  }

  private HttpRequest.Builder request(URI uri) {
    return Http.request(uri).header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", "2022-11-28")
        .header("Authorization", "Bearer " + token);
  }
}
