package dev.cidoctor.ci.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cidoctor.ci.CiException;
import dev.cidoctor.ci.CiProvider;
import dev.cidoctor.ci.RateLimit;
import dev.cidoctor.ci.ResponseCache;
import dev.cidoctor.model.Commit;
import dev.cidoctor.model.Job;
import dev.cidoctor.model.WorkflowRun;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GitHub Actions through its REST API (github.com or Enterprise Server): lists runs with conditional
 * requests so an idle repo costs no rate limit, reads jobs, downloads logs from the signed URLs GitHub
 * redirects to, reads files and comparisons, and asks for re-runs. Thread-safe.
 */
public final class GitHubActions implements CiProvider {
  private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
  private static final int PER_PAGE = 100;
  private static final int MAX_PAGES = 10;

  private final GitHubHttp http;

  private GitHubActions(GitHubHttp http) {
    this.http = http;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Requests sent so far (API and downloads), answers served from the cache (304), and requests that counted against the rate limit. */
  public record Counters(long requests, long notModified, long rateLimitCost, long bytesDownloaded) {}

  public Counters counters() {
    return new Counters(http.requests.get(), http.notModified.get(), http.rateCost.get(), http.bytesDownloaded.get());
  }

  @Override
  public List<WorkflowRun> recentRuns(String repo, String workflow, String branch, Instant since, int limit) {
    check(repo);
    String what = "list the workflow runs of " + repo;
    String base = "/repos/" + repo + "/actions/" + (workflow == null ? "" : "workflows/" + workflowId(repo, workflow) + "/") + "runs";
    String query = "?per_page=" + Math.min(PER_PAGE, Math.max(1, limit)) + (branch == null ? "" : "&branch=" + enc(branch));
    URI uri = http.resolve(base + query);
    List<WorkflowRun> out = new ArrayList<>();
    for (int page = 0; page < MAX_PAGES && uri != null; page++) {
      GitHubHttp.Response r = ok(http.get(uri, true, repo, what), repo, what);
      JsonNode runs = body(r, repo, what).path("workflow_runs");
      boolean older = false;
      for (JsonNode n : runs) {
        WorkflowRun run = map(() -> GitHubJson.run(n, repo), repo, what);
        if (run.createdAt().isBefore(since)) {
          older = true;
          continue;
        }
        if (out.size() < limit) {
          out.add(run);
        }
      }
      if (older || out.size() >= limit || runs.isEmpty()) {
        break;
      }
      uri = r.next().orElse(null);
    }
    return out;
  }

  /** A workflow file name is used as is; a display name is looked up among the repo's workflows. */
  private String workflowId(String repo, String workflow) {
    if (workflow.endsWith(".yml") || workflow.endsWith(".yaml")) {
      return enc(workflow.substring(workflow.lastIndexOf('/') + 1));
    }
    String what = "list the workflows of " + repo;
    URI uri = http.resolve("/repos/" + repo + "/actions/workflows?per_page=100");
    for (int page = 0; page < MAX_PAGES && uri != null; page++) {
      GitHubHttp.Response r = ok(http.get(uri, true, repo, what), repo, what);
      for (JsonNode w : body(r, repo, what).path("workflows")) {
        if (workflow.equals(w.path("name").asText())) {
          return w.path("id").asText();
        }
      }
      uri = r.next().orElse(null);
    }
    throw new CiException(CiException.Kind.NOT_FOUND, repo, 404, "No workflow named '" + workflow + "' in " + repo
        + "; set GITHUB_WORKFLOW_NAME to a workflow's name or its file name such as ci.yml.");
  }

  @Override
  public WorkflowRun run(String repo, long runId, Integer attempt) {
    check(repo);
    String what = "get run " + runId + " of " + repo;
    String path = "/repos/" + repo + "/actions/runs/" + runId + (attempt == null ? "" : "/attempts/" + attempt);
    GitHubHttp.Response r = ok(http.get(http.resolve(path), false, repo, what), repo, what);
    JsonNode n = body(r, repo, what);
    return map(() -> GitHubJson.run(n, repo), repo, what);
  }

  @Override
  public List<Job> jobs(String repo, long runId, int attempt) {
    check(repo);
    String what = "list the jobs of run " + runId + " of " + repo;
    URI uri = http.resolve("/repos/" + repo + "/actions/runs/" + runId + "/attempts/" + attempt + "/jobs?per_page=" + PER_PAGE);
    List<Job> out = new ArrayList<>();
    for (int page = 0; page < MAX_PAGES && uri != null; page++) {
      GitHubHttp.Response r = ok(http.get(uri, true, repo, what), repo, what);
      for (JsonNode n : body(r, repo, what).path("jobs")) {
        out.add(map(() -> GitHubJson.job(n, attempt), repo, what));
      }
      uri = r.next().orElse(null);
    }
    return out;
  }

  @Override
  public void downloadJobLog(String repo, long jobId, Path target, long maxBytes) {
    check(repo);
    download(repo, "/repos/" + repo + "/actions/jobs/" + jobId + "/logs", "the logs of job " + jobId + " in " + repo, target, maxBytes);
  }

  @Override
  public void downloadRunLogs(String repo, long runId, int attempt, Path target, long maxBytes) {
    check(repo);
    download(repo, "/repos/" + repo + "/actions/runs/" + runId + "/attempts/" + attempt + "/logs",
        "the logs of run " + runId + " (attempt " + attempt + ") in " + repo, target, maxBytes);
  }

  /**
   * Asks the API for the log, which answers 302 to a short-lived signed URL on another host, then
   * streams that URL without the token. An expired URL is asked for again once.
   */
  private void download(String repo, String path, String subject, Path target, long maxBytes) {
    String what = "download " + subject;
    for (int round = 1; ; round++) {
      GitHubHttp.Response r = http.getNoRedirect(http.resolve(path), repo, what);
      URI from;
      if (r.status() == 302 || r.status() == 301 || r.status() == 307) {
        String location = r.header("location");
        if (location == null) {
          throw new CiException(CiException.Kind.INVALID_RESPONSE, repo, r.status(), "Cannot " + what + ": GitHub redirected without a Location header.");
        }
        from = r.uri().resolve(location);
      } else if (r.status() == 200) {
        write(target, r.body(), maxBytes);
        return;
      } else if (r.status() == 410 || r.status() == 404) {
        throw gone(repo, subject, r.status());
      } else {
        throw fail(r, repo, what);
      }
      int status;
      try (OutputStream out = Files.newOutputStream(target)) {
        status = http.sameHost(from) ? fetchSameHost(from, out, maxBytes, repo, what) : http.download(from, out, maxBytes, repo, what);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
      }
      if (status == 200) {
        return;
      }
      if (round >= 2) {
        throw new CiException(CiException.Kind.UNAVAILABLE, repo, status, "Cannot " + what + ": the signed download URL answered "
            + status + " twice; try again later.");
      }
    }
  }

  private int fetchSameHost(URI from, OutputStream out, long maxBytes, String repo, String what) throws IOException {
    GitHubHttp.Response r = http.get(from, false, repo, what);
    if (r.status() == 200) {
      out.write(r.body(), 0, (int) Math.min(r.body().length, maxBytes));
    }
    return r.status();
  }

  private static void write(Path target, byte[] body, long maxBytes) {
    try {
      Files.write(target, body.length > maxBytes ? java.util.Arrays.copyOf(body, (int) maxBytes) : body);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private static CiException gone(String repo, String subject, int status) {
    String cap = Character.toUpperCase(subject.charAt(0)) + subject.substring(1);
    return new CiException(CiException.Kind.GONE, repo, status, cap + " are no longer available (GitHub answered " + status
        + (status == 410 ? " Gone" : " Not Found") + "): GitHub keeps logs 90 days by default, and none exist for a run that failed before starting.");
  }

  @Override
  public Optional<String> file(String repo, String path, String ref) {
    check(repo);
    if (path == null || path.isBlank() || path.startsWith("/") || path.contains("\\") || List.of(path.split("/")).contains("..")) {
      throw new IllegalArgumentException("not a relative repository path: " + path);
    }
    String what = "read " + path + " of " + repo + " at " + ref;
    StringBuilder encoded = new StringBuilder();
    for (String part : path.split("/")) {
      encoded.append(encoded.length() == 0 ? "" : "/").append(enc(part).replace("+", "%20"));
    }
    GitHubHttp.Response r = http.get(http.resolve("/repos/" + repo + "/contents/" + encoded + "?ref=" + enc(ref)), true, repo, what);
    if (r.status() == 404) {
      return Optional.empty();
    }
    JsonNode n = body(ok(r, repo, what), repo, what);
    if (!n.isObject() || !"file".equals(n.path("type").asText()) || !"base64".equals(n.path("encoding").asText())) {
      return Optional.empty(); // a directory, a submodule, or a file too large for the contents API
    }
    String b64 = n.path("content").asText().replace("\\n", "").replaceAll("\\s", "");
    try {
      return Optional.of(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new CiException(CiException.Kind.INVALID_RESPONSE, repo, 200, "Cannot " + what + ": its content is not valid base64.");
    }
  }

  @Override
  public List<Commit> commitsBetween(String repo, String base, String head) {
    check(repo);
    String what = "compare " + base + "..." + head + " in " + repo;
    GitHubHttp.Response r = ok(http.get(http.resolve("/repos/" + repo + "/compare/" + enc(base) + "..." + enc(head) + "?per_page=250"),
        true, repo, what), repo, what);
    List<Commit> out = new ArrayList<>();
    for (JsonNode n : body(r, repo, what).path("commits")) {
      out.add(map(() -> GitHubJson.commit(n), repo, what));
    }
    return out;
  }

  @Override
  public Optional<WorkflowRun> lastSuccess(String repo, String workflowPath, String branch, Instant before) {
    check(repo);
    String what = "find the last green run of " + (workflowPath == null ? "the workflows" : workflowPath) + " in " + repo;
    String base = "/repos/" + repo + "/actions/" + (workflowPath == null ? "" : "workflows/"
        + enc(workflowPath.substring(workflowPath.lastIndexOf('/') + 1)) + "/") + "runs";
    URI uri = http.resolve(base + "?status=success&per_page=30" + (branch == null ? "" : "&branch=" + enc(branch)));
    for (int page = 0; page < 3 && uri != null; page++) {
      GitHubHttp.Response r = http.get(uri, true, repo, what);
      if (r.status() == 404) {
        return Optional.empty(); // the workflow file was renamed or removed since
      }
      for (JsonNode n : body(ok(r, repo, what), repo, what).path("workflow_runs")) {
        WorkflowRun run = map(() -> GitHubJson.run(n, repo), repo, what);
        if (run.createdAt().isBefore(before) && "success".equals(run.conclusion())) {
          return Optional.of(run);
        }
      }
      uri = r.next().orElse(null);
    }
    return Optional.empty();
  }

  @Override
  public void rerunFailedJobs(String repo, long runId) {
    check(repo);
    String what = "re-run the failed jobs of run " + runId + " of " + repo;
    GitHubHttp.Response r = http.post(http.resolve("/repos/" + repo + "/actions/runs/" + runId + "/rerun-failed-jobs"), "{}", repo, what);
    if (r.status() != 201 && r.status() != 200 && r.status() != 204) {
      throw fail(r, repo, what);
    }
  }

  @Override
  public RateLimit rateLimit() {
    String what = "read the rate limit";
    GitHubHttp.Response r = ok(http.get(http.resolve("/rate_limit"), false, null, what), null, what);
    JsonNode core = body(r, null, what).path("resources").path("core");
    return new RateLimit("core", core.path("limit").asInt(), core.path("remaining").asInt(), core.path("used").asInt(),
        Instant.ofEpochSecond(core.path("reset").asLong()));
  }

  private static void check(String repo) {
    if (repo == null || !REPO.matcher(repo).matches()) {
      throw new IllegalArgumentException("not an OWNER/NAME repository: " + repo);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static GitHubHttp.Response ok(GitHubHttp.Response r, String repo, String what) {
    if (r.status() / 100 != 2) {
      throw fail(r, repo, what);
    }
    return r;
  }

  private static JsonNode body(GitHubHttp.Response r, String repo, String what) {
    try {
      return GitHubJson.parse(r.body());
    } catch (IllegalArgumentException e) {
      throw new CiException(CiException.Kind.INVALID_RESPONSE, repo, r.status(), "Cannot " + what + ": GitHub's answer was not understood ("
          + e.getMessage() + ").");
    }
  }

  private static <T> T map(java.util.function.Supplier<T> f, String repo, String what) {
    try {
      return f.get();
    } catch (IllegalArgumentException e) {
      throw new CiException(CiException.Kind.INVALID_RESPONSE, repo, 200, "Cannot " + what + ": GitHub's answer was not understood ("
          + e.getMessage() + ").");
    }
  }

  /** Turns an error answer into one sentence with GitHub's own message and what to do. */
  static CiException fail(GitHubHttp.Response r, String repo, String what) {
    String message = githubMessage(r.body());
    String said = message == null ? "" : " (" + message + ")";
    int s = r.status();
    return switch (s) {
      case 401 -> new CiException(CiException.Kind.UNAUTHORIZED, repo, s, "Cannot " + what + ": GitHub answered 401 Unauthorized"
          + said + ". Set GITHUB_TOKEN to a token with actions:read.");
      case 403 -> new CiException(what.startsWith("re-run") ? CiException.Kind.REJECTED : CiException.Kind.UNAUTHORIZED, repo, s,
          "Cannot " + what + ": GitHub answered 403 Forbidden" + said + "."
              + (message != null && message.contains("not accessible") ? " The token lacks a permission (actions:read, or actions:write for re-runs)." : ""));
      case 404 -> new CiException(CiException.Kind.NOT_FOUND, repo, s, "Cannot " + what + ": GitHub answered 404 Not Found"
          + ". Check the name, and that GITHUB_TOKEN can see the repository (private repos answer 404 without access).");
      case 410 -> new CiException(CiException.Kind.GONE, repo, s, "Cannot " + what + ": GitHub answered 410 Gone" + said + ".");
      default -> s >= 500
          ? new CiException(CiException.Kind.UNAVAILABLE, repo, s, "Cannot " + what + ": GitHub kept answering " + s + "; try again later.")
          : new CiException(CiException.Kind.REJECTED, repo, s, "Cannot " + what + ": GitHub answered " + s + said + ".");
    };
  }

  /** GitHub's {@code message}, on one line and cut: it is shown to people, and it is the server's text. */
  static String githubMessage(byte[] body) {
    try {
      JsonNode n = GitHubJson.MAPPER.readTree(body);
      String m = n == null ? null : GitHubJson.text(n, "message");
      if (m == null || m.isBlank()) {
        return null;
      }
      m = m.replaceAll("[\\r\\n\\t]+", " ").strip();
      return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "GitHubActions"; // never the token
  }

  /** Settings of a client; only the token is secret, and it is never printed. */
  public static final class Builder {
    private URI apiUrl = URI.create("https://api.github.com");
    private String token;
    private ResponseCache cache = ResponseCache.inMemory();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.REAL;
    private Duration maxRateWait = Duration.ofMinutes(15);
    private int maxAttempts = 4;
    private Duration timeout = Duration.ofSeconds(30);

    private Builder() {}

    /** The API base: https://api.github.com, or https://HOST/api/v3 for Enterprise Server. */
    public Builder apiUrl(URI url) {
      String s = url.toString();
      this.apiUrl = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
      return this;
    }

    public Builder token(String token) {
      this.token = token == null || token.isBlank() ? null : token.strip();
      return this;
    }

    public Builder cache(ResponseCache cache) {
      this.cache = cache;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /** The longest wait for a rate limit to reset before giving up with RATE_LIMITED. */
    public Builder maxRateWait(Duration d) {
      this.maxRateWait = d;
      return this;
    }

    /** Tries per request on 5xx, connection errors and rate limits (at least 1). */
    public Builder maxAttempts(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxAttempts must be 1 or more: " + n);
      }
      this.maxAttempts = n;
      return this;
    }

    public Builder timeout(Duration d) {
      this.timeout = d;
      return this;
    }

    public GitHubActions build() {
      return new GitHubActions(new GitHubHttp(apiUrl, token, cache, clock, sleeper, maxRateWait, maxAttempts, timeout));
    }
  }
}
