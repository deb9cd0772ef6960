package dev.cidoctor.ci.github;

import dev.cidoctor.ci.CiException;
import dev.cidoctor.ci.CiException.Kind;
import dev.cidoctor.ci.ResponseCache;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends requests to the GitHub REST API the way GitHub asks clients to: its headers, redirects followed
 * by hand (the token stays on the API host), ETags, waits for rate limits, bounded retries. Every
 * failure becomes a {@link CiException} whose message names the request; the token never appears.
 */
final class GitHubHttp {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
  private static final int MAX_REDIRECTS = 5;
  private static final Duration SECONDARY_MIN_WAIT = Duration.ofSeconds(60);

  /** What is asked, for messages: {@code action} reads "list workflow runs for octo/app". */
  record Call(String action, String repo, String logSubject, boolean conditional, boolean refusalIsRejection) {
    static Call api(String action, String repo) {
      return new Call(action, repo, null, false, false);
    }

    Call conditionally() {
      return new Call(action, repo, logSubject, true, refusalIsRejection);
    }
  }

  /** A 2xx or 304 answer with its body (from the cache for a 304) and the next page's URL, if any. */
  record Answer(int status, byte[] body, String next) {}

  private final HttpClient client;
  private final URI base;
  private final String token;
  private final ResponseCache cache;
  private final Clock clock;
  private final GitHubActions.Sleeper sleeper;
  private final Duration maxRateLimitWait;
  private final int maxRetries;
  private final Duration requestTimeout;
  private final String userAgent;
  final AtomicLong requests = new AtomicLong();
  final AtomicLong notModified = new AtomicLong();
  final AtomicLong rateLimitCost = new AtomicLong();
  final AtomicLong bytesDownloaded = new AtomicLong();

  GitHubHttp(HttpClient client, URI base, String token, ResponseCache cache, Clock clock,
      GitHubActions.Sleeper sleeper, Duration maxRateLimitWait, int maxRetries, Duration requestTimeout,
      String userAgent) {
    this.client = client;
    this.base = base;
    this.token = token;
    this.cache = cache;
    this.clock = clock;
    this.sleeper = sleeper;
    this.maxRateLimitWait = maxRateLimitWait;
    this.maxRetries = maxRetries;
    this.requestTimeout = requestTimeout;
    this.userAgent = userAgent;
  }

  URI base() {
    return base;
  }

  /** GETs an API path (or a Link URL, verbatim) and returns the body. */
  Answer get(String pathOrUrl, Call call) {
    return exchange("GET", resolve(pathOrUrl), call, null, null, 0);
  }

  Answer post(String path, Call call, String jsonBody) {
    return exchange("POST", resolve(path), call, jsonBody, null, 0);
  }

  /** Streams a download (job log, logs zip) into {@code target}, stopping at {@code maxBytes}. */
  void download(String path, Call call, Path target, long maxBytes) {
    exchange("GET", resolve(path), call, null, new Sink(target, maxBytes), 0);
  }

  private record Sink(Path target, long maxBytes) {}

  private URI resolve(String pathOrUrl) {
    if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
      return URI.create(pathOrUrl);
    }
    String b = base.toString();
    return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + pathOrUrl);
  }

  private Answer exchange(String method, URI start, Call call, String jsonBody, Sink sink, int blobRetries) {
    URI uri = start;
    int redirects = 0;
    int failures = 0;
    int waits = 0;
    String cacheKey = method + " " + start;
    Optional<Cached> cached = call.conditional() ? cache.get(cacheKey).map(Cached::decode) : Optional.empty();
    while (true) {
      boolean onApiHost = sameOrigin(uri, base);
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(requestTimeout)
          .header("Accept", "application/vnd.github+json")
          .header("X-GitHub-Api-Version", "2022-11-28")
          .header("User-Agent", userAgent);
      if (token != null && onApiHost) {
        b.header("Authorization", "Bearer " + token);
      }
      if (cached.isPresent() && onApiHost) {
        b.header("If-None-Match", cached.get().etag());
      }
      b.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
      HttpResponse<InputStream> response;
      try {
        requests.incrementAndGet();
        response = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        if (++failures > maxRetries) {
          throw new CiException(Kind.UNAVAILABLE, call.repo(), 0, "Cannot " + call.action() + ": "
              + (onApiHost ? "GitHub" : "the log host") + " did not answer (" + describe(e) + ") after "
              + failures + " tries.", e);
        }
        pause(backoff(failures), call);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CiException(Kind.UNAVAILABLE, call.repo(), 0, "Cannot " + call.action() + ": interrupted.", e);
      }
      int status = response.statusCode();
      boolean counted = onApiHost && !(status == 304 && token != null) && !start.getPath().endsWith("/rate_limit");
      if (counted) {
        rateLimitCost.incrementAndGet();
      }
      if (status >= 200 && status < 300) {
        if (sink != null) {
          stream(response.body(), sink, call);
          return new Answer(status, new byte[0], null);
        }
        byte[] body = readAll(response.body(), call);
        String etag = response.headers().firstValue("ETag").orElse(null);
        if (call.conditional() && etag != null) {
          cache.put(cacheKey, new Cached(etag, body).encode());
        }
        return new Answer(status, body, next(response));
      }
      if (status == 304 && cached.isPresent()) {
        drain(response.body());
        notModified.incrementAndGet();
        return new Answer(status, cached.get().body(), next(response));
      }
      if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        drain(response.body());
        String location = response.headers().firstValue("Location").orElse(null);
        if (location == null || ++redirects > MAX_REDIRECTS) {
          throw new CiException(Kind.INVALID_RESPONSE, call.repo(), status, "Cannot " + call.action()
              + ": GitHub answered " + status + (location == null ? " without a Location." : " too many times in a row."));
        }
        uri = uri.resolve(location);
        continue;
      }
      String error = new String(readAtMost(response.body(), 64 * 1024), StandardCharsets.UTF_8);
      if (!onApiHost) {
        // A signed log URL expired between the redirect and the download: ask the API for a fresh one.
        if (blobRetries < 1 && status >= 400 && status < 500) {
          return exchange(method, start, call, jsonBody, sink, blobRetries + 1);
        }
        if (status >= 500 && ++failures <= maxRetries) {
          pause(backoff(failures), call);
          continue;
        }
        throw new CiException(status >= 500 ? Kind.UNAVAILABLE : Kind.GONE, call.repo(), status, "Cannot "
            + call.action() + ": the log host answered " + status + " to the signed download URL GitHub gave.");
      }
      Optional<String> remaining = response.headers().firstValue("x-ratelimit-remaining");
      boolean limited = status == 403 || status == 429;
      if (limited && remaining.filter("0"::equals).isPresent()) {
        Instant reset = response.headers().firstValue("x-ratelimit-reset").map(GitHubHttp::epoch).orElse(null);
        Duration wait = reset == null ? maxRateLimitWait.plusSeconds(1)
            : Duration.between(clock.instant(), reset).plusSeconds(1);
        if (wait.isNegative()) {
          wait = Duration.ofSeconds(1);
        }
        if (wait.compareTo(maxRateLimitWait) > 0 || ++waits > maxRetries + 1) {
          throw new CiException(Kind.RATE_LIMITED, call.repo(), status, "Cannot " + call.action()
              + ": the GitHub rate limit is used up until " + (reset == null ? "an unknown time" : reset)
              + ", later than cidoctor may wait (" + maxRateLimitWait.toSeconds() + " s).");
        }
        pause(wait, call);
        continue;
      }
      if (limited && (error.toLowerCase(Locale.ROOT).contains("secondary rate limit") || status == 429)) {
        Optional<Long> retryAfter = response.headers().firstValue("retry-after").flatMap(GitHubHttp::seconds);
        int doubling = Math.min(waits, 6);
        Duration wait = retryAfter.map(Duration::ofSeconds).orElseGet(() -> SECONDARY_MIN_WAIT
            .multipliedBy(1L << doubling)
            .plusMillis(ThreadLocalRandom.current().nextLong(0, 5_000)));
        if (++waits > maxRetries || wait.compareTo(maxRateLimitWait) > 0) {
          throw new CiException(Kind.RATE_LIMITED, call.repo(), status, "Cannot " + call.action()
              + ": GitHub answered " + status + " (secondary rate limit) " + waits
              + " times; try again in a few minutes.");
        }
        pause(wait, call);
        continue;
      }
      if (status >= 500 && ++failures <= maxRetries) {
        pause(backoff(failures), call);
        continue;
      }
      throw failure(status, error, call);
    }
  }

  private CiException failure(int status, String errorBody, Call call) {
    String prefix = "Cannot " + call.action() + ": GitHub answered " + status + " " + reason(status);
    String said = message(errorBody);
    if (call.logSubject() != null && (status == 404 || status == 410)) {
      return new CiException(Kind.GONE, call.repo(), status, "The logs of " + call.logSubject() + " in "
          + call.repo() + " expired (GitHub keeps them 90 days by default) or were never written (a job that"
          + " did not start has none): GitHub answered " + status + " " + reason(status) + ".");
    }
    if (status == 401) {
      return new CiException(Kind.UNAUTHORIZED, call.repo(), status, prefix + ". Set GITHUB_TOKEN to a token with actions:read.");
    }
    if (status == 403 && !call.refusalIsRejection()) {
      return new CiException(Kind.UNAUTHORIZED, call.repo(), status, prefix + said
          + ". Check that GITHUB_TOKEN may read Actions (actions:read) in " + call.repo() + ".");
    }
    if (status == 404) {
      return new CiException(Kind.NOT_FOUND, call.repo(), status, prefix
          + "; check the name and that GITHUB_TOKEN can see " + call.repo() + ".");
    }
    if (status >= 500) {
      return new CiException(Kind.UNAVAILABLE, call.repo(), status, prefix + " " + (maxRetries + 1)
          + " times; GitHub may be having an incident (githubstatus.com).");
    }
    return new CiException(Kind.REJECTED, call.repo(), status, prefix + said + ".");
  }

  /** GitHub's own {@code message}, as " (message)", or empty when the body has none. */
  private static String message(String body) {
    try {
      GitHubJson.ErrorBody e = GitHubMapping.JSON.readValue(body, GitHubJson.ErrorBody.class);
      return e == null || e.message() == null || e.message().isBlank() ? "" : " (" + e.message().strip() + ")";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 422 -> "Unprocessable Entity";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "";
    };
  }

  private void stream(InputStream in, Sink sink, Call call) {
    long written = 0;
    try (in; OutputStream out = Files.newOutputStream(sink.target())) {
      byte[] buf = new byte[64 * 1024];
      int n;
      while (written < sink.maxBytes() && (n = in.read(buf, 0, (int) Math.min(buf.length, sink.maxBytes() - written))) > 0) {
        out.write(buf, 0, n);
        written += n;
      }
    } catch (IOException e) {
      throw new CiException(Kind.UNAVAILABLE, call.repo(), 0, "Cannot " + call.action() + ": the download to "
          + sink.target() + " broke off after " + written + " bytes (" + describe(e) + ").", e);
    } finally {
      bytesDownloaded.addAndGet(written);
    }
  }

  private static byte[] readAll(InputStream in, Call call) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new CiException(Kind.UNAVAILABLE, call.repo(), 0, "Cannot " + call.action()
          + ": the answer broke off (" + describe(e) + ").", e);
    }
  }

  private static byte[] readAtMost(InputStream in, int max) {
    try (in) {
      return in.readNBytes(max);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static void drain(InputStream in) {
    readAtMost(in, 64 * 1024);
  }

  private void pause(Duration d, Call call) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CiException(Kind.UNAVAILABLE, call.repo(), 0, "Cannot " + call.action() + ": interrupted while waiting.", e);
    }
  }

  private static Duration backoff(int failures) {
    long ms = 500L << Math.min(failures - 1, 5);
    return Duration.ofMillis(ms + ThreadLocalRandom.current().nextLong(0, ms / 2 + 1));
  }

  private static String next(HttpResponse<?> response) {
    for (String link : response.headers().allValues("Link")) {
      Matcher m = NEXT.matcher(link);
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  private static Instant epoch(String s) {
    return seconds(s).map(Instant::ofEpochSecond).orElse(null);
  }

  private static Optional<Long> seconds(String s) {
    try {
      return Optional.of(Long.parseLong(s.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String describe(IOException e) {
    String kind = e instanceof java.net.http.HttpTimeoutException ? "timed out"
        : e instanceof java.net.ConnectException ? "connection refused" : e.getClass().getSimpleName();
    return e.getMessage() == null || kind.equals("timed out") ? kind : kind + ": " + e.getMessage();
  }

  /** A cached answer: its ETag, a newline, then the body. */
  private record Cached(String etag, byte[] body) {
    static Cached decode(byte[] stored) {
      int nl = 0;
      while (nl < stored.length && stored[nl] != '\n') {
        nl++;
      }
      return new Cached(new String(stored, 0, nl, StandardCharsets.UTF_8),
          Arrays.copyOfRange(stored, Math.min(nl + 1, stored.length), stored.length));
    }

    byte[] encode() {
      byte[] e = (etag + "\n").getBytes(StandardCharsets.UTF_8);
      byte[] out = Arrays.copyOf(e, e.length + body.length);
      System.arraycopy(body, 0, out, e.length, body.length);
      return out;
    }
  }
}
