package dev.cidoctor.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** FakeGitHub's API server: limits and injected failures first, then one branch per endpoint. */
final class FakeGitHubRoutes {
  private static final Pattern BY_ID = Pattern.compile("^/repositories/(\\d+)(/.*)$");
  private static final Pattern REPO = Pattern.compile("^/repos/([^/]+/[^/]+)(/.*)?$");
  private static final Pattern RUNS = Pattern.compile("^/actions(?:/workflows/([^/]+))?/runs$");
  private static final Pattern RUN = Pattern.compile("^/actions/runs/(\\d+)(?:/attempts/(\\d+))?(/jobs|/logs)?$");
  private static final Pattern JOB_LOG = Pattern.compile("^/actions/jobs/(\\d+)/logs$");
  private static final Pattern RERUN = Pattern.compile("^/actions/runs/(\\d+)/rerun(?:-failed-jobs)?$");
  private static final Pattern RERUN_JOB = Pattern.compile("^/actions/jobs/(\\d+)/rerun$");
  private static final Pattern CONTENTS = Pattern.compile("^/contents/(.+)$");
  private static final Pattern COMPARE = Pattern.compile("^/compare/(.+)\\.\\.\\.(.+)$");

  private final FakeGitHub gh;

  FakeGitHubRoutes(FakeGitHub gh) {
    this.gh = gh;
  }

  private record Reply(int status, byte[] body, String location, Map<String, String> headers) {
    static Reply json(int status, Object node) {
      return new Reply(status, node.toString().getBytes(StandardCharsets.UTF_8), null, Map.of());
    }

    static Reply error(int status, String message) {
      ObjectNode n = FakeGitHubPayloads.JSON.createObjectNode();
      n.put("message", message);
      n.put("documentation_url", "https://docs.github.com/rest");
      n.put("status", String.valueOf(status));
      return json(status, n);
    }
  }

  void serve(HttpExchange ex, Map<String, String> headers) throws IOException {
    boolean slow;
    synchronized (this) {
      slow = gh.slowTimes > 0;
      if (slow) {
        gh.slowTimes--;
      }
    }
    if (slow) {
      try {
        Thread.sleep(gh.slowBy.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      answer(ex, headers);
    }
  }

  private void answer(HttpExchange ex, Map<String, String> headers) throws IOException {
    String auth = headers.get("authorization");
    boolean authorized = auth != null;
    String path = ex.getRequestURI().getRawPath();
    Map<String, String> query = query(ex.getRequestURI().getRawQuery());
    Reply reply;
    if (gh.token != null && auth != null && !auth.equals("Bearer " + gh.token)) {
      reply = Reply.json(401, FakeGitHubPayloads.load("/github/error.401.bad-credentials.json"));
    } else if (path.equals("/rate_limit")) {
      send(ex, rateLimitReply(), false);
      return;
    } else if (gh.failTimes > 0) {
      gh.failTimes--;
      reply = Reply.error(gh.failStatus, "Server Error");
    } else if (gh.garbageTimes > 0) {
      gh.garbageTimes--;
      reply = new Reply(200, "<html><body>Unicorn!</body></html>".getBytes(StandardCharsets.UTF_8), null, Map.of());
    } else if (gh.secondaryTimes > 0) {
      gh.secondaryTimes--;
      ObjectNode body = FakeGitHubPayloads.load("/github/error.403.secondary-rate-limit.json");
      Map<String, String> h = gh.secondaryRetryAfter == null ? Map.of() : Map.of("retry-after", String.valueOf(gh.secondaryRetryAfter));
      reply = new Reply(403, body.toString().getBytes(StandardCharsets.UTF_8), null, h);
    } else if (gh.remaining <= 0) {
      reply = Reply.json(403, FakeGitHubPayloads.load("/github/error.403.primary-rate-limit.unauthenticated.json"));
    } else {
      reply = route(ex.getRequestMethod(), path, query);
    }
    boolean notModified = reply.status() == 200 && headers.get("if-none-match") != null
        && headers.get("if-none-match").equals(FakeGitHub.etag(reply.body()));
    boolean costs = reply.status() != 401 && !(reply.status() == 403 && gh.remaining <= 0) && !(notModified && authorized)
        && !(reply.status() == 403 && new String(reply.body(), StandardCharsets.UTF_8).contains("secondary rate limit"));
    if (costs) {
      gh.remaining = Math.max(0, gh.remaining - 1);
    }
    if (notModified) {
      reply = new Reply(304, new byte[0], null, reply.headers());
    }
    send(ex, reply, true);
  }

  private Reply route(String method, String rawPath, Map<String, String> q) {
    Matcher byId = BY_ID.matcher(rawPath);
    if (byId.matches()) {
      FakeGitHub.RepoState r = gh.repoById(Long.parseLong(byId.group(1)));
      if (r == null) {
        return Reply.error(404, "Not Found");
      }
      rawPath = "/repos/" + r.name() + byId.group(2);
    }
    Matcher m = REPO.matcher(rawPath);
    if (!m.matches() || rawPath.endsWith("/")) {
      return Reply.error(404, "Not Found");
    }
    FakeGitHub.RepoState repo = gh.repoOrNull(m.group(1));
    String rest = m.group(2) == null ? "" : m.group(2);
    if (repo == null && gh.renamed(m.group(1)) != null) {
      return new Reply(301, new byte[0], gh.apiUrl() + "/repositories/" + gh.renamed(m.group(1)).id() + rest
          + (q.isEmpty() ? "" : "?" + query(q)), Map.of());
    }
    if (repo == null) {
      return Reply.error(404, "Not Found");
    }
    Matcher x;
    if (method.equals("POST") && (x = RERUN.matcher(rest)).matches()) {
      return rerun(repo, Long.parseLong(x.group(1)));
    }
    if (method.equals("POST") && (x = RERUN_JOB.matcher(rest)).matches()) {
      long jobId = Long.parseLong(x.group(1));
      for (FakeGitHub.FakeRun run : repo.runs()) {
        for (FakeGitHub.Attempt a : run.attempts()) {
          if (a.jobs().stream().anyMatch(j -> j.id() == jobId)) {
            return rerun(repo, run.id());
          }
        }
      }
      return Reply.error(404, "Not Found");
    }
    if (!method.equals("GET")) {
      return Reply.error(404, "Not Found");
    }
    if ((x = RUNS.matcher(rest)).matches()) {
      return runs(repo, x.group(1) == null ? null : decode(x.group(1)), q, rawPath);
    }
    if (rest.equals("/actions/workflows")) {
      ObjectNode n = FakeGitHubPayloads.JSON.createObjectNode();
      ArrayNode list = n.putArray("workflows");
      repo.workflowNames().forEach((path, name) -> list.add(FakeGitHubPayloads.workflow(gh.apiUrl(), repo, path, name)));
      n.put("total_count", list.size());
      return Reply.json(200, n);
    }
    if ((x = RUN.matcher(rest)).matches()) {
      FakeGitHub.FakeRun run = gh.findRun(repo, Long.parseLong(x.group(1)));
      if (run == null) {
        return Reply.error(404, "Not Found");
      }
      int n = x.group(2) == null ? run.attempts().size() : Integer.parseInt(x.group(2));
      if (n < 1 || n > run.attempts().size()) {
        return Reply.error(404, "Not Found");
      }
      FakeGitHub.Attempt a = run.attempts().get(n - 1);
      if (x.group(3) == null) {
        return Reply.json(200, FakeGitHubPayloads.run(gh.apiUrl(), repo, run, a));
      }
      if (x.group(3).equals("/logs")) {
        if (a.conclusion() == null) {
          return Reply.error(404, "Not Found");
        }
        return new Reply(302, new byte[0], gh.sign(FakeGitHub.zip(a), "application/zip"), Map.of());
      }
      List<ObjectNode> jobs = new ArrayList<>();
      a.jobs().forEach(j -> jobs.add(FakeGitHubPayloads.job(gh.apiUrl(), repo, run, a, j)));
      return page(repo, jobs, "jobs", q, rest);
    }
    if ((x = JOB_LOG.matcher(rest)).matches()) {
      long jobId = Long.parseLong(x.group(1));
      Integer gone = gh.logStatus.get(jobId);
      if (gone != null) {
        return Reply.json(gone, FakeGitHubPayloads.load(gone == 410 ? "/github/error.410.job-logs-gone.json" : "/github/error.404.not-found.json"));
      }
      for (FakeGitHub.FakeRun run : repo.runs()) {
        for (FakeGitHub.Attempt a : run.attempts()) {
          for (FakeGitHub.FakeJob j : a.jobs()) {
            if (j.id() == jobId) {
              return new Reply(302, new byte[0], gh.sign(j.spec().log().getBytes(StandardCharsets.UTF_8), "text/plain"), Map.of());
            }
          }
        }
      }
      return Reply.error(404, "Not Found");
    }
    if ((x = CONTENTS.matcher(rest)).matches()) {
      String content = repo.files().get(q.getOrDefault("ref", "main") + ":" + decode(x.group(1)));
      if (content == null) {
        return Reply.error(404, "Not Found");
      }
      ObjectNode n = FakeGitHubPayloads.JSON.createObjectNode();
      n.put("type", "file");
      n.put("encoding", "base64");
      n.put("size", content.length());
      n.put("name", decode(x.group(1)).replaceAll(".*/", ""));
      n.put("path", decode(x.group(1)));
      n.put("content", FakeGitHub.base64Lines(content));
      n.put("sha", FakeGitHub.etag(content.getBytes(StandardCharsets.UTF_8)).substring(3, 43 - 8));
      return Reply.json(200, n);
    }
    if ((x = COMPARE.matcher(rest)).matches()) {
      var commits = repo.compares().get(decode(x.group(1)) + "..." + decode(x.group(2)));
      if (commits == null) {
        return Reply.error(404, "Not Found");
      }
      ObjectNode n = FakeGitHubPayloads.JSON.createObjectNode();
      n.put("status", "ahead");
      n.put("ahead_by", commits.size());
      n.put("total_commits", commits.size());
      n.set("commits", FakeGitHub.commitsJson(commits));
      n.putArray("files");
      return Reply.json(200, n);
    }
    return Reply.error(404, "Not Found");
  }

  private Reply runs(FakeGitHub.RepoState repo, String workflow, Map<String, String> q, String path) {
    List<FakeGitHub.FakeRun> all = new ArrayList<>(repo.runs());
    all.sort(Comparator.comparing((FakeGitHub.FakeRun r) -> r.spec().createdAt()).thenComparing(FakeGitHub.FakeRun::id).reversed());
    List<ObjectNode> out = new ArrayList<>();
    for (FakeGitHub.FakeRun r : all) {
      FakeGitHub.Attempt a = r.attempts().get(r.attempts().size() - 1);
      String status = a.conclusion() == null ? "in_progress" : "completed";
      if (workflow != null && !(workflow.equals(r.spec().workflowPath().replaceAll(".*/", ""))
          || workflow.equals(String.valueOf(repo.workflowId(r.spec().workflowPath()))))) {
        continue;
      }
      if (q.containsKey("branch") && !q.get("branch").equals(r.spec().branch())) {
        continue;
      }
      if (q.containsKey("status") && !q.get("status").equals(status) && !q.get("status").equals(a.conclusion())) {
        continue;
      }
      String created = q.get("created");
      if (created != null) {
        Instant t = r.spec().createdAt();
        if (created.startsWith(">=") && t.isBefore(Instant.parse(created.substring(2)))
            || created.startsWith("<") && !t.isBefore(Instant.parse(created.substring(1)))) {
          continue;
        }
      }
      out.add(FakeGitHubPayloads.run(gh.apiUrl(), repo, r, a));
    }
    String rest = path.substring(path.indexOf(repo.name()) + repo.name().length());
    return page(repo, out, "workflow_runs", q, rest);
  }

  /** One page of a wrapped list, with GitHub's Link header on /repositories/{id} URLs. */
  private Reply page(FakeGitHub.RepoState repo, List<ObjectNode> items, String field, Map<String, String> q, String rest) {
    int perPage = Math.min(100, Integer.parseInt(q.getOrDefault("per_page", "30")));
    int page = Integer.parseInt(q.getOrDefault("page", "1"));
    int last = Math.max(1, (items.size() + perPage - 1) / perPage);
    ObjectNode n = FakeGitHubPayloads.JSON.createObjectNode();
    n.put("total_count", items.size());
    ArrayNode list = n.putArray(field);
    items.subList(Math.min(items.size(), (page - 1) * perPage), Math.min(items.size(), page * perPage)).forEach(list::add);
    Map<String, String> h = new LinkedHashMap<>();
    if (last > 1) {
      List<String> links = new ArrayList<>();
      if (page < last) {
        links.add("<" + link(repo, rest, q, page + 1) + ">; rel=\"next\"");
        links.add("<" + link(repo, rest, q, last) + ">; rel=\"last\"");
      }
      if (page > 1) {
        links.add("<" + link(repo, rest, q, page - 1) + ">; rel=\"prev\"");
        links.add("<" + link(repo, rest, q, 1) + ">; rel=\"first\"");
      }
      h.put("Link", String.join(", ", links));
    }
    return new Reply(200, n.toString().getBytes(StandardCharsets.UTF_8), null, h);
  }

  private String link(FakeGitHub.RepoState repo, String rest, Map<String, String> q, int page) {
    StringBuilder b = new StringBuilder(gh.apiUrl()).append("/repositories/").append(repo.id()).append(rest).append('?');
    Map<String, String> copy = new LinkedHashMap<>(q);
    copy.put("page", String.valueOf(page));
    copy.forEach((k, v) -> b.append(k).append('=').append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
    return b.substring(0, b.length() - 1);
  }

  private Reply rerun(FakeGitHub.RepoState repo, long runId) {
    FakeGitHub.FakeRun run = gh.findRun(repo, runId);
    if (run == null) {
      return Reply.error(404, "Not Found");
    }
    FakeGitHub.Attempt last = run.attempts().get(run.attempts().size() - 1);
    if (last.conclusion() == null) {
      return Reply.error(403, "This workflow is already running");
    }
    List<FakeGitHub.JobSpec> again = last.jobs().stream().map(j -> new FakeGitHub.JobSpec(j.spec().name(), null, j.spec().steps())).toList();
    gh.addAttempt(repo.name(), runId, null, Instant.now(), again);
    return Reply.json(201, FakeGitHubPayloads.JSON.createObjectNode());
  }

  private Reply rateLimitReply() {
    ObjectNode n = FakeGitHubPayloads.JSON.createObjectNode();
    ObjectNode core = n.putObject("resources").putObject("core");
    core.put("limit", gh.limit).put("used", gh.limit - gh.remaining).put("remaining", gh.remaining).put("reset", gh.resetEpochSeconds);
    n.set("rate", core.deepCopy());
    return Reply.json(200, n);
  }

  private void send(HttpExchange ex, Reply reply, boolean withEtag) throws IOException {
    var h = ex.getResponseHeaders();
    h.set("X-GitHub-Api-Version-Selected", "2022-11-28");
    h.set("x-ratelimit-limit", String.valueOf(gh.limit));
    h.set("x-ratelimit-remaining", String.valueOf(gh.remaining));
    h.set("x-ratelimit-used", String.valueOf(gh.limit - gh.remaining));
    h.set("x-ratelimit-reset", String.valueOf(gh.resetEpochSeconds));
    h.set("x-ratelimit-resource", "core");
    reply.headers().forEach(h::set);
    if (reply.location() != null) {
      h.set("Location", reply.location());
    }
    if (withEtag && (reply.status() == 200 || reply.status() == 304)) {
      h.set("ETag", reply.status() == 304 ? ex.getRequestHeaders().getFirst("If-None-Match") : FakeGitHub.etag(reply.body()));
      h.set("Cache-Control", "private, max-age=60, s-maxage=60");
    }
    if (reply.body().length > 0) {
      h.set("Content-Type", "application/json; charset=utf-8");
    }
    ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
    if (reply.body().length > 0) {
      ex.getResponseBody().write(reply.body());
    }
  }

  private static String query(Map<String, String> q) {
    StringBuilder b = new StringBuilder();
    q.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(k).append('=').append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return b.toString();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw != null) {
      for (String kv : raw.split("&")) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
          q.put(decode(kv.substring(0, eq)), decode(kv.substring(eq + 1)));
        }
      }
    }
    return q;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
