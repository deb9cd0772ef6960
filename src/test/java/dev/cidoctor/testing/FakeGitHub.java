package dev.cidoctor.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cidoctor.model.Commit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Serves a consistent GitHub on loopback: the REST endpoints cidoctor uses, in the real payload
 * shapes, with GitHub's behaviours (Link pagination on {@code /repositories/{id}} URLs, ETags whose
 * authorized 304 is free, primary and secondary limits, 302 log redirects to a second server whose
 * signed URLs expire, 410 expired logs, injected 5xx and slow answers, 401/404) and a request log.
 * Data may be added while a client polls. Start with {@link #start()}, close when done.
 */
public final class FakeGitHub implements AutoCloseable {
  /** One step of a job: its name, conclusion (null while running) and the text it logged. */
  public record StepSpec(String name, String conclusion, String log) {}

  /** One job: its name, conclusion (null while running) and steps; its log is the steps' logs joined. */
  public record JobSpec(String name, String conclusion, List<StepSpec> steps) {
    public JobSpec {
      steps = List.copyOf(steps);
    }

    public String log() {
      StringBuilder b = new StringBuilder();
      steps.forEach(s -> b.append(s.log()));
      return b.toString();
    }
  }

  /** A run's first attempt: workflow display name and file, where and why it ran, how it ended. */
  public record RunSpec(String workflowName, String workflowPath, String branch, String headSha, String event,
      String actor, String title, String conclusion, Instant createdAt, List<JobSpec> jobs) {
    public RunSpec {
      jobs = List.copyOf(jobs);
    }
  }

  /** A request as the fake saw it; {@code server} is "api" or "blob", header names are lower case. */
  public record Recorded(String server, String method, String hostPort, String pathAndQuery, Map<String, String> headers) {}

  record RepoState(String name, long id, List<FakeRun> runs, Map<String, Long> workflowIds,
      Map<String, String> workflowNames, Map<String, String> files, Map<String, List<Commit>> compares) {
    long workflowId(String path) {
      return workflowIds.computeIfAbsent(path, p -> 160_000L + workflowIds.size());
    }
  }

  record FakeRun(long id, long number, RunSpec spec, List<Attempt> attempts) {}

  record Attempt(int number, String conclusion, Instant startedAt, List<FakeJob> jobs) {}

  record FakeJob(long id, JobSpec spec) {}

  private record Blob(byte[] body, String contentType, long expiresAtMillis) {}

  private final HttpServer api;
  private final HttpServer blob;
  private final Map<String, RepoState> repos = new ConcurrentHashMap<>();
  private final Map<String, Blob> blobs = new ConcurrentHashMap<>();
  private final Map<String, RepoState> renamedFrom = new ConcurrentHashMap<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong(4_000_000_000L);
  final FakeGitHubRoutes routes;
  volatile String token;
  volatile int limit = 5000;
  volatile int remaining = 5000;
  volatile long resetEpochSeconds = Instant.now().plusSeconds(3600).getEpochSecond();
  volatile int secondaryTimes;
  volatile Integer secondaryRetryAfter;
  volatile int failTimes;
  volatile int failStatus = 502;
  volatile int slowTimes;
  volatile int garbageTimes;
  volatile Duration slowBy = Duration.ZERO;
  volatile Duration blobValidity = Duration.ofMinutes(1);
  final Map<Long, Integer> logStatus = new ConcurrentHashMap<>();

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY, delayed ACKs add ~40 ms per answer.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private FakeGitHub() throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    api = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    blob = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    routes = new FakeGitHubRoutes(this);
    api.createContext("/", ex -> handle(ex, "api"));
    blob.createContext("/", ex -> handle(ex, "blob"));
    api.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    blob.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    api.start();
    blob.start();
  }

  /** Starts both servers on free loopback ports. */
  public static FakeGitHub start() {
    try {
      return new FakeGitHub();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start FakeGitHub on loopback", e);
    }
  }

  /** The API base to give the client, e.g. {@code http://127.0.0.1:PORT}. */
  public String apiUrl() {
    return "http://" + api.getAddress().getAddress().getHostAddress() + ":" + api.getAddress().getPort();
  }

  /** The second server, standing for the blob host that log downloads are redirected to. */
  public String blobUrl() {
    return "http://localhost:" + blob.getAddress().getPort();
  }

  /** Makes the fake answer 401 to any request whose Authorization is not {@code Bearer token}. */
  public FakeGitHub requireToken(String expected) {
    this.token = expected;
    return this;
  }

  /** Adds a repository ({@code owner/name}); adding runs to an unknown repo adds it too. */
  public FakeGitHub addRepo(String name) {
    repo(name);
    return this;
  }

  RepoState repo(String name) {
    return repos.computeIfAbsent(name, n -> new RepoState(n, 1_300_000L + repos.size(), new CopyOnWriteArrayList<>(),
        new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>()));
  }

  RepoState repoOrNull(String name) {
    return repos.get(name);
  }

  RepoState repoById(long id) {
    return repos.values().stream().filter(r -> r.id() == id).findFirst().orElse(null);
  }

  /** Renames a repository: requests to the old name answer 301 to {@code /repositories/{id}/...}, as GitHub does. */
  public FakeGitHub renameRepo(String oldName, String newName) {
    RepoState old = repos.remove(oldName);
    RepoState renamed = new RepoState(newName, old.id(), old.runs(), old.workflowIds(), old.workflowNames(), old.files(), old.compares());
    repos.put(newName, renamed);
    renamedFrom.put(oldName, renamed);
    return this;
  }

  RepoState renamed(String oldName) {
    return renamedFrom.get(oldName);
  }

  /** Adds a run with its first attempt and returns the run id. */
  public long addRun(String repoName, RunSpec spec) {
    RepoState repo = repo(repoName);
    repo.workflowId(spec.workflowPath());
    repo.workflowNames().put(spec.workflowPath(), spec.workflowName());
    long id = ids.incrementAndGet();
    FakeRun run = new FakeRun(id, repo.runs().size() + 1L, spec, new CopyOnWriteArrayList<>());
    run.attempts().add(new Attempt(1, spec.conclusion(), spec.createdAt(), newJobs(spec.jobs())));
    repo.runs().add(run);
    return id;
  }

  /** Adds a re-run attempt (same run id, attempt + 1, new job ids) and returns its number. */
  public int addAttempt(String repoName, long runId, String conclusion, Instant startedAt, List<JobSpec> jobs) {
    FakeRun run = findRun(repo(repoName), runId);
    int n = run.attempts().size() + 1;
    run.attempts().add(new Attempt(n, conclusion, startedAt, newJobs(jobs)));
    return n;
  }

  /** Ids of the jobs of one attempt, in order. */
  public List<Long> jobIds(String repoName, long runId, int attempt) {
    return findRun(repo(repoName), runId).attempts().get(attempt - 1).jobs().stream().map(FakeJob::id).toList();
  }

  /** Serves {@code content} at {@code path} for {@code ref} (a branch or sha). */
  public FakeGitHub addFile(String repoName, String ref, String path, String content) {
    repo(repoName).files().put(ref + ":" + path, content);
    return this;
  }

  /** Serves {@code commits} (oldest first) for {@code compare/base...head}. */
  public FakeGitHub addCompare(String repoName, String base, String head, List<Commit> commits) {
    repo(repoName).compares().put(base + "..." + head, List.copyOf(commits));
    return this;
  }

  /** Sets the primary limit and resets what is left to it. */
  public FakeGitHub rateLimit(int limit, Instant reset) {
    this.limit = limit;
    this.remaining = limit;
    this.resetEpochSeconds = reset.getEpochSecond();
    return this;
  }

  /** Uses up the primary limit: counted requests answer 403 with remaining 0 until {@link #resetRateLimit()}. */
  public FakeGitHub exhaustRateLimit() {
    this.remaining = 0;
    return this;
  }

  public FakeGitHub resetRateLimit() {
    this.remaining = limit;
    return this;
  }

  /** What is left of the primary limit, as the fake counts it. */
  public int remaining() {
    return remaining;
  }

  /** The next {@code times} API requests answer 403 "secondary rate limit", with retry-after when not null. */
  public FakeGitHub secondaryLimit(int times, Integer retryAfterSeconds) {
    this.secondaryRetryAfter = retryAfterSeconds;
    this.secondaryTimes = times;
    return this;
  }

  /** The next {@code times} API requests answer {@code status} (a 5xx). */
  public FakeGitHub fail(int times, int status) {
    this.failStatus = status;
    this.failTimes = times;
    return this;
  }

  /** The next {@code times} API requests answer 200 with an HTML page instead of JSON (a broken proxy). */
  public FakeGitHub garbage(int times) {
    this.garbageTimes = times;
    return this;
  }

  /** The next {@code times} API requests wait {@code delay} before answering. */
  public FakeGitHub slow(int times, Duration delay) {
    this.slowBy = delay;
    this.slowTimes = times;
    return this;
  }

  /** The logs of {@code jobId} answer {@code status}: 410 (expired) or 404 (never written). */
  public FakeGitHub logsUnavailable(long jobId, int status) {
    logStatus.put(jobId, status);
    return this;
  }

  /** How long the signed blob URLs of log redirects stay valid (default one minute, as GitHub documents). */
  public FakeGitHub blobUrlValidity(Duration validity) {
    this.blobValidity = validity;
    return this;
  }

  /** Every request received so far, in order. */
  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  public void clearRequests() {
    requests.clear();
  }

  FakeRun findRun(RepoState repo, long runId) {
    for (FakeRun r : repo.runs()) {
      if (r.id() == runId) {
        return r;
      }
    }
    return null;
  }

  /** Stores a body on the blob server and returns its signed, expiring URL. */
  String sign(byte[] body, String contentType) {
    String key = UUID.randomUUID().toString();
    long se = System.currentTimeMillis() + blobValidity.toMillis();
    blobs.put(key, new Blob(body, contentType, se));
    return blobUrl() + "/actions-results/" + key + "/logs?se=" + se + "&sp=r&sig=" + key.substring(0, 8);
  }

  static byte[] zip(Attempt a) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      int i = 0;
      for (FakeJob j : a.jobs()) {
        String name = j.spec().name().replace("/", "_").replace(":", "");
        z.putNextEntry(new ZipEntry(i++ + "_" + name + ".txt"));
        z.write(j.spec().log().getBytes(StandardCharsets.UTF_8));
        int n = 1;
        for (StepSpec s : j.spec().steps()) {
          z.putNextEntry(new ZipEntry(name + "/" + n++ + "_" + s.name().replace("/", "_") + ".txt"));
          z.write(s.log().getBytes(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  private List<FakeJob> newJobs(List<JobSpec> specs) {
    List<FakeJob> jobs = new CopyOnWriteArrayList<>();
    for (JobSpec s : specs) {
      jobs.add(new FakeJob(ids.incrementAndGet(), s));
    }
    return jobs;
  }

  private void handle(HttpExchange ex, String server) throws IOException {
    try (ex) {
      Map<String, String> headers = new LinkedHashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
      String pq = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
      requests.add(new Recorded(server, ex.getRequestMethod(), headers.getOrDefault("host", ""), pq, Map.copyOf(headers)));
      if (server.equals("blob")) {
        serveBlob(ex);
      } else {
        routes.serve(ex, headers);
      }
    } catch (RuntimeException e) {
      byte[] b = ("{\"message\":\"fake failure: " + e + "\"}").getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(500, b.length);
      ex.getResponseBody().write(b);
    }
  }

  private void serveBlob(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String[] parts = path.split("/");
    Blob b = parts.length > 2 ? blobs.get(parts[2]) : null;
    if (b == null || System.currentTimeMillis() > b.expiresAtMillis()) {
      byte[] body = "{\"count\": 11, \"value\": \"Uri expired\"}".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(403, body.length);
      ex.getResponseBody().write(body);
      return;
    }
    ex.getResponseHeaders().set("Content-Type", b.contentType());
    ex.sendResponseHeaders(200, b.body().length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b.body());
    } catch (IOException e) {
      // the client stopped reading at its byte limit
    }
  }

  static String etag(byte[] body) {
    try {
      return "W/\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 32) + "\"";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String base64Lines(String content) {
    return Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content.getBytes(StandardCharsets.UTF_8)) + "\n";
  }

  static ArrayNode commitsJson(List<Commit> commits) {
    ArrayNode a = FakeGitHubPayloads.JSON.createArrayNode();
    for (Commit c : commits) {
      ObjectNode n = a.addObject();
      n.put("sha", c.sha());
      ObjectNode d = n.putObject("commit");
      ObjectNode au = d.putObject("author");
      au.put("name", c.author());
      au.put("email", c.author() + "@example.com");
      au.put("date", c.date().toString());
      d.put("message", c.message());
      n.putObject("author").put("login", c.author());
    }
    return a;
  }

  List<RepoState> allRepos() {
    return new ArrayList<>(repos.values());
  }

  @Override
  public void close() {
    api.stop(0);
    blob.stop(0);
  }
}
