package dev.cidoctor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback fake of GitHub's issues endpoints (list, create, update, list and create comments) that
 * answers with the real payload shapes of src/test/resources/github, filters by labels and state and
 * paginates with a Link header as GitHub does. Requests need {@code Authorization: Bearer TOKEN}.
 */
public final class FakeGitHubIssues implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ISSUES = Pattern.compile("/repos/([^/]+/[^/]+)/issues");
  private static final Pattern ISSUE = Pattern.compile("/repos/([^/]+/[^/]+)/issues/(\\d+)");
  private static final Pattern COMMENTS = Pattern.compile("/repos/([^/]+/[^/]+)/issues/(\\d+)/comments");

  /** One request as it arrived. */
  public record Request(String method, String path, String body) {}

  private final HttpServer server;
  private final String token;
  private final Map<String, List<ObjectNode>> issues = new HashMap<>();
  private final Map<String, List<ObjectNode>> comments = new HashMap<>();
  private final Set<String> disabled = new java.util.HashSet<>();
  public final List<Request> requests = new CopyOnWriteArrayList<>();
  private int nextId = 1;

  public FakeGitHubIssues(String token) {
    this.token = token;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Makes {@code repo} answer 410 Gone, as GitHub does when its issues are disabled. */
  public void disableIssues(String repo) {
    disabled.add(repo);
  }

  /** Adds an issue as if a person (or an earlier run) created it; returns its number. */
  public synchronized long add(String repo, String title, String body, String state, String... labels) {
    ObjectNode issue = issue(repo, title, body, List.of(labels));
    issue.put("state", state);
    return issue.path("number").asLong();
  }

  public synchronized List<ObjectNode> issues(String repo) {
    return List.copyOf(issues.getOrDefault(repo, List.of()));
  }

  public synchronized List<ObjectNode> comments(String repo, long number) {
    return List.copyOf(comments.getOrDefault(repo + "#" + number, List.of()));
  }

  private synchronized void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = ex.getRequestURI().getPath();
    String method = ex.getRequestMethod();
    requests.add(new Request(method, ex.getRequestURI().toString(), body));
    if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      send(ex, 401, fixture("error.401.bad-credentials.json"), null);
      return;
    }
    Matcher m;
    if ((m = COMMENTS.matcher(path)).matches()) {
      String key = m.group(1) + "#" + m.group(2);
      if (method.equals("GET")) {
        page(ex, comments.getOrDefault(key, List.of()));
      } else {
        ObjectNode c = (ObjectNode) fixture("issues.create-comment.201.json");
        c.put("id", nextId++).put("body", JSON.readTree(body).path("body").asText());
        comments.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        send(ex, 201, c, null);
      }
    } else if ((m = ISSUE.matcher(path)).matches() && method.equals("PATCH")) {
      ObjectNode issue = find(m.group(1), Long.parseLong(m.group(2)));
      JsonNode patch = JSON.readTree(body);
      patch.fieldNames().forEachRemaining(f -> issue.set(f, patch.get(f)));
      send(ex, 200, issue, null);
    } else if ((m = ISSUES.matcher(path)).matches()) {
      String repo = m.group(1);
      if (disabled.contains(repo)) {
        send(ex, 410, fixture("error.410.issues-disabled.json"), null);
      } else if (method.equals("POST")) {
        JsonNode req = JSON.readTree(body);
        List<String> labels = new ArrayList<>();
        req.path("labels").forEach(l -> labels.add(l.asText()));
        ObjectNode issue = issue(repo, req.path("title").asText(), req.path("body").asText(), labels);
        send(ex, 201, issue, issue.path("url").asText());
      } else {
        Map<String, String> q = query(ex.getRequestURI());
        String state = q.getOrDefault("state", "open");
        List<String> wanted = q.containsKey("labels") ? Arrays.asList(q.get("labels").split(",")) : List.of();
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode i : issues.getOrDefault(repo, List.of())) {
          List<String> names = new ArrayList<>();
          i.path("labels").forEach(l -> names.add(l.path("name").asText()));
          if ((state.equals("all") || state.equals(i.path("state").asText())) && names.containsAll(wanted)) {
            out.add(i);
          }
        }
        page(ex, out);
      }
    } else {
      send(ex, 404, JSON.readTree("{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}"), null);
    }
  }

  private ObjectNode issue(String repo, String title, String body, List<String> labels) {
    ObjectNode issue = (ObjectNode) fixture("issues.create.201.json");
    int number = issues.values().stream().mapToInt(List::size).sum() + 1;
    issue.put("id", nextId++).put("number", number).put("title", title).put("body", body).put("state", "open");
    issue.put("url", uri() + "/repos/" + repo + "/issues/" + number);
    issue.put("html_url", "https://github.com/" + repo + "/issues/" + number);
    issue.remove("pull_request");
    ArrayNode ls = issue.putArray("labels");
    for (String l : labels) {
      ls.addObject().put("name", l).put("color", "ededed");
    }
    issues.computeIfAbsent(repo, k -> new ArrayList<>()).add(issue);
    return issue;
  }

  private ObjectNode find(String repo, long number) {
    for (ObjectNode i : issues.getOrDefault(repo, List.of())) {
      if (i.path("number").asLong() == number) {
        return i;
      }
    }
    throw new IllegalStateException("no issue " + repo + "#" + number);
  }

  private void page(HttpExchange ex, List<ObjectNode> all) throws IOException {
    Map<String, String> q = query(ex.getRequestURI());
    int perPage = Integer.parseInt(q.getOrDefault("per_page", "30"));
    int page = Integer.parseInt(q.getOrDefault("page", "1"));
    ArrayNode out = JSON.createArrayNode();
    all.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(out::add);
    if ((long) page * perPage < all.size()) {
      q.put("page", String.valueOf(page + 1));
      StringBuilder next = new StringBuilder(uri() + ex.getRequestURI().getPath() + "?");
      q.forEach((k, v) -> next.append(k).append('=').append(v).append('&'));
      ex.getResponseHeaders().add("Link", "<" + next.substring(0, next.length() - 1) + ">; rel=\"next\"");
    }
    send(ex, 200, out, null);
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> q = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String kv : uri.getRawQuery().split("&")) {
        int eq = kv.indexOf('=');
        q.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }

  private static void send(HttpExchange ex, int status, JsonNode body, String location) throws IOException {
    byte[] out = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    if (location != null) {
      ex.getResponseHeaders().add("Location", location);
    }
    ex.sendResponseHeaders(status, out.length);
    ex.getResponseBody().write(out);
    ex.close();
  }

  private static JsonNode fixture(String name) {
    try (InputStream in = FakeGitHubIssues.class.getResourceAsStream("/github/" + name)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
