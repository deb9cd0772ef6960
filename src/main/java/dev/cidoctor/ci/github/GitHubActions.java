package dev.cidoctor.ci.github;

import dev.cidoctor.ci.CiException;
import dev.cidoctor.ci.CiException.Kind;
import dev.cidoctor.ci.CiProvider;
import dev.cidoctor.ci.RateLimit;
import dev.cidoctor.ci.ResponseCache;
import dev.cidoctor.model.Commit;
import dev.cidoctor.model.Job;
import dev.cidoctor.model.WorkflowRun;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Reads GitHub Actions runs, jobs and logs through the REST API (github.com or GitHub Enterprise
 * Server). Build one with {@link #builder()}; it is thread-safe, and {@link #stats()} tells how many
 * requests it sent and how much rate limit they cost.
 */
public final class GitHubActions implements CiProvider {
  /** The public API; GitHub Enterprise Server uses {@code https://HOST/api/v3}. */
  public static final String DEFAULT_API_URL = "https://api.github.com";
  private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

  /** Waits; tests pass one that records the duration instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /**
   * Counters since the client was built: requests sent (retries and redirects included), answers 304
   * from the cache, requests that counted against the primary rate limit, and log/zip bytes written.
   */
  public record Stats(long requests, long notModified, long rateLimitCost, long bytesDownloaded) {}

  private final GitHubHttp http;
  private final Map<String, String> workflowIds = new ConcurrentHashMap<>();

  private GitHubActions(GitHubHttp http) {
    this.http = http;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a client from GITHUB_API_URL and GITHUB_TOKEN in {@code values} (e.g. {@code Config.values()}). */
  public static GitHubActions fromSettings(Map<String, String> values, ResponseCache cache) {
    String url = values.get("GITHUB_API_URL");
    String token = values.get("GITHUB_TOKEN");
    return builder().apiUrl(url == null || url.isBlank() ? DEFAULT_API_URL : url.strip())
        .token(token == null || token.isBlank() ? null : token.strip()).cache(cache).build();
  }

  public Stats stats() {
    return new Stats(http.requests.get(), http.notModified.get(), http.rateLimitCost.get(), http.bytesDownloaded.get());
  }

  @Override
  public List<WorkflowRun> recentRuns(String repo, String workflow, String branch, Instant since, int limit) {
    checkRepo(repo);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be 1 or more: " + limit);
    }
    String scope = workflow == null || workflow.isBlank() ? "" : "/workflows/" + enc(workflowId(repo, workflow.strip()));
    StringBuilder q = new StringBuilder("?per_page=").append(Math.min(limit, 100)).append("&exclude_pull_requests=true");
    if (branch != null && !branch.isBlank()) {
      q.append("&branch=").append(enc(branch.strip()));
    }
    // No created= filter: a since that moves with the clock would change the URL on every poll and defeat
    // the ETag; the list is newest first, so reading stops at the first run older than since.
    GitHubHttp.Call call = GitHubHttp.Call.api("list workflow runs for " + repo, repo);
    List<WorkflowRun> runs = new ArrayList<>();
    String url = "/repos/" + repo + "/actions" + scope + "/runs" + q;
    boolean first = true;
    boolean older = false;
    while (url != null && runs.size() < limit && !older) {
      GitHubHttp.Answer a = http.get(url, first ? call.conditionally() : call);
      first = false;
      GitHubJson.RunsPage page = parse(a.body(), GitHubJson.RunsPage.class, call);
      if (page.workflowRuns() == null || page.workflowRuns().isEmpty()) {
        break;
      }
      for (GitHubJson.Run r : page.workflowRuns()) {
        WorkflowRun run = map(() -> GitHubMapping.run(repo, r), call);
        if (since != null && run.createdAt() != null && run.createdAt().isBefore(since)) {
          older = true;
        } else if (runs.size() < limit) {
          runs.add(run);
        }
      }
      url = a.next();
    }
    return List.copyOf(runs);
  }

  @Override
  public WorkflowRun run(String repo, long runId, Integer attempt) {
    checkRepo(repo);
    GitHubHttp.Call call = GitHubHttp.Call.api("get workflow run " + runId
        + (attempt == null ? "" : " attempt " + attempt) + " of " + repo, repo);
    String path = "/repos/" + repo + "/actions/runs/" + runId + (attempt == null ? "" : "/attempts/" + attempt);
    GitHubJson.Run r = parse(http.get(path, call).body(), GitHubJson.Run.class, call);
    return map(() -> GitHubMapping.run(repo, r), call);
  }

  @Override
  public List<Job> jobs(String repo, long runId, int attempt) {
    checkRepo(repo);
    GitHubHttp.Call call = GitHubHttp.Call.api("list the jobs of run " + runId + " attempt " + attempt + " in " + repo, repo);
    List<Job> jobs = new ArrayList<>();
    String url = "/repos/" + repo + "/actions/runs/" + runId + "/attempts/" + attempt + "/jobs?per_page=100";
    boolean first = true;
    while (url != null) {
      GitHubHttp.Answer a = http.get(url, first ? call.conditionally() : call);
      first = false;
      GitHubJson.JobsPage page = parse(a.body(), GitHubJson.JobsPage.class, call);
      if (page.jobs() == null || page.jobs().isEmpty()) {
        break;
      }
      for (GitHubJson.Job j : page.jobs()) {
        jobs.add(map(() -> GitHubMapping.job(j, runId, attempt), call));
      }
      url = a.next();
    }
    return List.copyOf(jobs);
  }

  @Override
  public void downloadJobLog(String repo, long jobId, Path target, long maxBytes) {
    checkRepo(repo);
    http.download("/repos/" + repo + "/actions/jobs/" + jobId + "/logs",
        new GitHubHttp.Call("download the log of job " + jobId + " in " + repo, repo, "job " + jobId, false, false),
        target, maxBytes);
  }

  @Override
  public void downloadRunLogs(String repo, long runId, int attempt, Path target, long maxBytes) {
    checkRepo(repo);
    String subject = "run " + runId + " attempt " + attempt;
    http.download("/repos/" + repo + "/actions/runs/" + runId + "/attempts/" + attempt + "/logs",
        new GitHubHttp.Call("download the logs of " + subject + " in " + repo, repo, subject, false, false),
        target, maxBytes);
  }

  @Override
  public Optional<String> file(String repo, String path, String ref) {
    checkRepo(repo);
    GitHubHttp.Call call = GitHubHttp.Call.api("read " + path + " at " + ref + " in " + repo, repo);
    String encodedPath = String.join("/", java.util.Arrays.stream(path.replaceFirst("^/+", "").split("/")).map(GitHubActions::enc).toList());
    GitHubHttp.Answer a;
    try {
      a = http.get("/repos/" + repo + "/contents/" + encodedPath + "?ref=" + enc(ref), call);
    } catch (CiException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return Optional.empty(); // a missing path or ref; a missing repo fails on the next call that needs it
      }
      throw e;
    }
    if (a.body().length > 0 && a.body()[0] == '[') {
      return Optional.empty(); // a directory
    }
    GitHubJson.Content c = parse(a.body(), GitHubJson.Content.class, call);
    if (!"file".equals(c.type()) || c.content() == null || !"base64".equals(c.encoding())) {
      return Optional.empty();
    }
    byte[] bytes = Base64.getMimeDecoder().decode(c.content().replace("\\n", ""));
    return Optional.of(new String(bytes, StandardCharsets.UTF_8));
  }

  @Override
  public List<Commit> commitsBetween(String repo, String base, String head) {
    checkRepo(repo);
    GitHubHttp.Call call = GitHubHttp.Call.api("compare " + base + "..." + head + " in " + repo, repo);
    GitHubJson.Compare c = parse(http.get("/repos/" + repo + "/compare/" + enc(base) + "..." + enc(head) + "?per_page=250", call).body(),
        GitHubJson.Compare.class, call);
    List<Commit> out = new ArrayList<>();
    for (GitHubJson.CommitEntry e : c.commits() == null ? List.<GitHubJson.CommitEntry>of() : c.commits()) {
      out.add(map(() -> GitHubMapping.commit(e), call));
    }
    return List.copyOf(out);
  }

  @Override
  public Optional<WorkflowRun> lastSuccess(String repo, String workflowPath, String branch, Instant before) {
    checkRepo(repo);
    String file = workflowPath.substring(workflowPath.lastIndexOf('/') + 1);
    GitHubHttp.Call call = GitHubHttp.Call.api("find the last successful run of " + file + " on " + branch + " in " + repo, repo);
    String url = "/repos/" + repo + "/actions/workflows/" + enc(file) + "/runs?status=success&per_page=20&exclude_pull_requests=true"
        + (branch == null ? "" : "&branch=" + enc(branch)) + "&created=" + enc("<" + before.truncatedTo(ChronoUnit.SECONDS));
    for (int page = 0; url != null && page < 3; page++) {
      GitHubHttp.Answer a = http.get(url, call);
      GitHubJson.RunsPage p = parse(a.body(), GitHubJson.RunsPage.class, call);
      for (GitHubJson.Run r : p.workflowRuns() == null ? List.<GitHubJson.Run>of() : p.workflowRuns()) {
        WorkflowRun run = map(() -> GitHubMapping.run(repo, r), call);
        if ("success".equals(run.conclusion()) && run.createdAt() != null && run.createdAt().isBefore(before)) {
          return Optional.of(run);
        }
      }
      url = a.next();
    }
    return Optional.empty();
  }

  @Override
  public void rerunFailedJobs(String repo, long runId) {
    checkRepo(repo);
    http.post("/repos/" + repo + "/actions/runs/" + runId + "/rerun-failed-jobs",
        new GitHubHttp.Call("re-run the failed jobs of run " + runId + " in " + repo, repo, null, false, true), "{}");
  }

  @Override
  public void rerunRun(String repo, long runId) {
    checkRepo(repo);
    http.post("/repos/" + repo + "/actions/runs/" + runId + "/rerun",
        new GitHubHttp.Call("re-run run " + runId + " in " + repo, repo, null, false, true), "{}");
  }

  @Override
  public void rerunJob(String repo, long jobId) {
    checkRepo(repo);
    http.post("/repos/" + repo + "/actions/jobs/" + jobId + "/rerun",
        new GitHubHttp.Call("re-run job " + jobId + " in " + repo, repo, null, false, true), "{}");
  }

  @Override
  public RateLimit rateLimit() {
    GitHubHttp.Call call = GitHubHttp.Call.api("read the rate limit", null);
    GitHubJson.RateLimitAnswer a = parse(http.get("/rate_limit", call).body(), GitHubJson.RateLimitAnswer.class, call);
    return map(() -> GitHubMapping.rateLimit(a), call);
  }

  /** Resolves a workflow filter to what the runs endpoint accepts: a file name as is, a display name by one lookup. */
  private String workflowId(String repo, String workflow) {
    if (workflow.endsWith(".yml") || workflow.endsWith(".yaml") || workflow.chars().allMatch(Character::isDigit)) {
      return workflow.substring(workflow.lastIndexOf('/') + 1);
    }
    String key = repo + "\n" + workflow;
    String known = workflowIds.get(key);
    if (known != null) {
      return known;
    }
    GitHubHttp.Call call = GitHubHttp.Call.api("list the workflows of " + repo, repo);
    List<String> names = new ArrayList<>();
    String url = "/repos/" + repo + "/actions/workflows?per_page=100";
    while (url != null) {
      GitHubHttp.Answer a = http.get(url, call.conditionally());
      GitHubJson.WorkflowsPage p = parse(a.body(), GitHubJson.WorkflowsPage.class, call);
      for (GitHubJson.Workflow w : p.workflows() == null ? List.<GitHubJson.Workflow>of() : p.workflows()) {
        if (workflow.equals(w.name()) && w.id() != null) {
          workflowIds.put(key, String.valueOf(w.id()));
          return String.valueOf(w.id());
        }
        names.add(w.name());
      }
      url = a.next();
    }
    throw new CiException(Kind.NOT_FOUND, repo, 0, "Cannot list workflow runs for " + repo + ": it has no workflow named '"
        + workflow + "' (it has " + (names.isEmpty() ? "none" : String.join(", ", names)) + ").");
  }

  private static <T> T parse(byte[] body, Class<T> type, GitHubHttp.Call call) {
    try {
      return GitHubMapping.read(body, type);
    } catch (IOException e) {
      throw invalid(call, e.getMessage(), e);
    }
  }

  private static <T> T map(java.util.function.Supplier<T> mapping, GitHubHttp.Call call) {
    try {
      return mapping.get();
    } catch (IllegalArgumentException e) {
      throw invalid(call, e.getMessage(), e);
    }
  }

  private static CiException invalid(GitHubHttp.Call call, String why, Throwable cause) {
    String first = why == null ? "unreadable" : why.lines().findFirst().orElse(why);
    return new CiException(Kind.INVALID_RESPONSE, call.repo(), 200, "Cannot " + call.action()
        + ": GitHub's answer is not the JSON expected (" + first + ").", cause);
  }

  private static void checkRepo(String repo) {
    if (repo == null || !REPO.matcher(repo).matches()) {
      throw new IllegalArgumentException("a repository is named owner/name: " + repo);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Settings of a client; every one has a default, so {@code builder().build()} talks to api.github.com anonymously. */
  public static final class Builder {
    private String apiUrl = DEFAULT_API_URL;
    private String token;
    private ResponseCache cache = ResponseCache.inMemory();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
    private Duration maxRateLimitWait = Duration.ofMinutes(15);
    private int maxRetries = 3;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private String userAgent = "cidoctor";

    private Builder() {}

    public Builder apiUrl(String url) {
      URI u = URI.create(Objects.requireNonNull(url, "apiUrl"));
      if (u.getHost() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http"))) {
        throw new IllegalArgumentException("GITHUB_API_URL must be an http(s) URL such as " + DEFAULT_API_URL + ": " + url);
      }
      this.apiUrl = url;
      return this;
    }

    /** The token (null for anonymous requests); it is sent only to the API host, never shown. */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    public Builder cache(ResponseCache cache) {
      this.cache = Objects.requireNonNull(cache, "cache");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The longest cidoctor waits for a rate limit to reset before failing with RATE_LIMITED. */
    public Builder maxRateLimitWait(Duration d) {
      this.maxRateLimitWait = Objects.requireNonNull(d, "maxRateLimitWait");
      return this;
    }

    /** How many times a request is repeated after a 5xx, a connection error or a secondary limit. */
    public Builder maxRetries(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("maxRetries must be 0 or more: " + n);
      }
      this.maxRetries = n;
      return this;
    }

    public Builder connectTimeout(Duration d) {
      this.connectTimeout = Objects.requireNonNull(d, "connectTimeout");
      return this;
    }

    public Builder requestTimeout(Duration d) {
      this.requestTimeout = Objects.requireNonNull(d, "requestTimeout");
      return this;
    }

    public Builder userAgent(String ua) {
      this.userAgent = Objects.requireNonNull(ua, "userAgent");
      return this;
    }

    public GitHubActions build() {
      HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout)
          .followRedirects(HttpClient.Redirect.NEVER).build();
      return new GitHubActions(new GitHubHttp(client, URI.create(apiUrl), token, cache, clock, sleeper,
          maxRateLimitWait, maxRetries, requestTimeout, userAgent));
    }

    @Override
    public String toString() {
      return "GitHubActions.Builder[apiUrl=" + apiUrl + ", token=" + (token == null ? "none" : "***") + "]";
    }
  }

  @Override
  public String toString() {
    return "GitHubActions[" + http.base() + "]";
  }
}
