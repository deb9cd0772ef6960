package dev.cidoctor.ci.github;

import dev.cidoctor.ci.CiException;
import dev.cidoctor.ci.ResponseCache;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
 * GitHub's REST transport: auth and version headers, conditional requests answered from the cache on
 * 304, redirects followed by hand (the token never goes to another host), waits for primary and
 * secondary rate limits, and bounded retries on 5xx and connection errors.
 */
final class GitHubHttp {
  static final String API_VERSION = "2022-11-28";
  static final String USER_AGENT = "cidoctor/0.1.0 (+https://github.com/cidoctor/cidoctor)";
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
  private static final int MAX_REDIRECTS = 5;

  /** One answer: the status, headers and body (the cached body for a 304). */
  record Response(int status, HttpHeaders headers, byte[] body, URI uri) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** The {@code rel="next"} link, followed verbatim as GitHub asks. */
    Optional<URI> next() {
      String link = header("link");
      if (link == null) {
        return Optional.empty();
      }
      Matcher m = NEXT.matcher(link);
      return m.find() ? Optional.of(URI.create(m.group(1))) : Optional.empty();
    }
  }

  private final HttpClient client;
  private final URI api;
  private final String token;
  private final ResponseCache cache;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration maxRateWait;
  private final int maxAttempts;
  private final Duration timeout;
  final AtomicLong requests = new AtomicLong();
  final AtomicLong notModified = new AtomicLong();
  final AtomicLong rateCost = new AtomicLong();
  final AtomicLong bytesDownloaded = new AtomicLong();
  private volatile int remaining = -1;
  private volatile Instant reset = Instant.EPOCH;

  GitHubHttp(URI api, String token, ResponseCache cache, Clock clock, Sleeper sleeper, Duration maxRateWait,
      int maxAttempts, Duration timeout) {
    this.api = api;
    this.token = token;
    this.cache = cache;
    this.clock = clock;
    this.sleeper = sleeper;
    this.maxRateWait = maxRateWait;
    this.maxAttempts = maxAttempts;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
  }

  URI resolve(String pathAndQuery) {
    return URI.create(api.toString() + pathAndQuery);
  }

  /** GETs JSON; {@code conditional} sends the cached ETag and answers a 304 from the cached body. */
  Response get(URI uri, boolean conditional, String repo, String what) {
    return send("GET", uri, null, conditional, true, repo, what);
  }

  Response post(URI uri, String json, String repo, String what) {
    return send("POST", uri, json, false, true, repo, what);
  }

  /** GETs without following redirects: log downloads answer 302 to a signed URL on another host. */
  Response getNoRedirect(URI uri, String repo, String what) {
    return send("GET", uri, null, false, false, repo, what);
  }

  private Response send(String method, URI uri, String json, boolean conditional, boolean follow, String repo, String what) {
    String key = method + " " + uri;
    byte[][] cached = conditional ? cached(key) : null;
    int redirects = 0;
    URI target = uri;
    for (int attempt = 1; ; attempt++) {
      waitForPrimaryReset(repo, what);
      HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(timeout)
          .header("Accept", "application/vnd.github+json")
          .header("X-GitHub-Api-Version", API_VERSION)
          .header("User-Agent", USER_AGENT);
      boolean authorized = token != null && sameHost(target);
      if (authorized) {
        b.header("Authorization", "Bearer " + token);
      }
      if (cached != null && target.equals(uri)) {
        b.header("If-None-Match", new String(cached[0], StandardCharsets.UTF_8));
      }
      b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
      if (json != null) {
        b.header("Content-Type", "application/json");
      }
      HttpResponse<byte[]> r;
      try {
        requests.incrementAndGet();
        r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        if (attempt >= maxAttempts) {
          throw new CiException(CiException.Kind.UNAVAILABLE, repo, 0, "Cannot " + what + ": GitHub at " + api.getHost()
              + " could not be reached after " + attempt + " attempts (" + describe(e) + ").", e);
        }
        backoff(attempt, repo, what);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CiException(CiException.Kind.UNAVAILABLE, repo, 0, "Cannot " + what + ": interrupted.", e);
      }
      int status = r.statusCode();
      if (sameHost(target)) {
        noteRateLimit(r.headers());
        if (!(status == 304 && authorized) && !target.getPath().endsWith("/rate_limit")) {
          rateCost.incrementAndGet();
        }
      }
      if (status == 304 && cached != null) {
        notModified.incrementAndGet();
        return new Response(200, r.headers(), cached[1], target);
      }
      if ((status == 301 || status == 302 || status == 307 || status == 308) && follow) {
        String location = r.headers().firstValue("location").orElse(null);
        if (location == null || ++redirects > MAX_REDIRECTS) {
          throw new CiException(CiException.Kind.INVALID_RESPONSE, repo, status, "Cannot " + what + ": GitHub redirected "
              + (location == null ? "without a Location header." : "more than " + MAX_REDIRECTS + " times."));
        }
        target = target.resolve(location);
        attempt--;
        continue;
      }
      if ((status == 403 || status == 429) && rateLimited(r)) {
        if (attempt >= maxAttempts) {
          throw new CiException(CiException.Kind.RATE_LIMITED, repo, status, "Cannot " + what
              + ": GitHub's rate limit is still exceeded after " + attempt + " attempts; try again later or use a token with a higher limit.");
        }
        waitForRateLimit(r, attempt, repo, what);
        continue;
      }
      if (status >= 500 && attempt < maxAttempts) {
        backoff(attempt, repo, what);
        continue;
      }
      if (conditional && status == 200) {
        r.headers().firstValue("etag").ifPresent(etag -> store(key, etag, r.body()));
      }
      return new Response(status, r.headers(), r.body(), target);
    }
  }

  /** Streams a GET to {@code out}, stopping at {@code maxBytes}; the target is a signed URL: no token. */
  int download(URI uri, java.io.OutputStream out, long maxBytes, String repo, String what) {
    HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).header("User-Agent", USER_AGENT).GET().build();
    for (int attempt = 1; ; attempt++) {
      try {
        requests.incrementAndGet();
        HttpResponse<InputStream> r = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
          if (r.statusCode() != 200) {
            if (r.statusCode() >= 500 && attempt < maxAttempts) {
              backoff(attempt, repo, what);
              continue;
            }
            return r.statusCode();
          }
          byte[] buf = new byte[1 << 16];
          long total = 0;
          int n;
          while (total < maxBytes && (n = in.read(buf, 0, (int) Math.min(buf.length, maxBytes - total))) > 0) {
            out.write(buf, 0, n);
            total += n;
          }
          bytesDownloaded.addAndGet(total);
          return 200;
        }
      } catch (IOException e) {
        if (attempt >= maxAttempts) {
          throw new CiException(CiException.Kind.UNAVAILABLE, repo, 0, "Cannot " + what + ": the download from "
              + uri.getHost() + " failed after " + attempt + " attempts (" + describe(e) + ").", e);
        }
        backoff(attempt, repo, what);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CiException(CiException.Kind.UNAVAILABLE, repo, 0, "Cannot " + what + ": interrupted.", e);
      }
    }
  }

  boolean sameHost(URI target) {
    return api.getHost().equalsIgnoreCase(target.getHost()) && port(api) == port(target)
        && api.getScheme().equalsIgnoreCase(target.getScheme());
  }

  private static int port(URI u) {
    return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  private void noteRateLimit(HttpHeaders h) {
    Optional<String> rem = h.firstValue("x-ratelimit-remaining");
    Optional<String> rst = h.firstValue("x-ratelimit-reset");
    if (rem.isPresent() && rst.isPresent() && !"search".equals(h.firstValue("x-ratelimit-resource").orElse("core"))) {
      try {
        remaining = Integer.parseInt(rem.get().strip());
        reset = Instant.ofEpochSecond(Long.parseLong(rst.get().strip()));
      } catch (NumberFormatException ignored) {
        // a malformed header is ignored; the next answer will say again
      }
    }
  }

  private static boolean rateLimited(HttpResponse<byte[]> r) {
    if ("0".equals(r.headers().firstValue("x-ratelimit-remaining").orElse(null))) {
      return true;
    }
    if (r.headers().firstValue("retry-after").isPresent()) {
      return true;
    }
    String body = new String(r.body(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    return body.contains("rate limit");
  }

  /** Before sending: when the primary limit is known to be spent, wait for its reset (bounded). */
  private void waitForPrimaryReset(String repo, String what) {
    if (remaining != 0) {
      return;
    }
    Duration wait = Duration.between(clock.instant(), reset).plusSeconds(1);
    if (wait.isNegative() || wait.isZero()) {
      remaining = -1;
      return;
    }
    if (wait.compareTo(maxRateWait) > 0) {
      throw new CiException(CiException.Kind.RATE_LIMITED, repo, 403, "Cannot " + what + ": GitHub's rate limit is spent until "
          + reset + ", more than " + maxRateWait.toMinutes() + " minutes from now; set GITHUB_TOKEN or watch fewer repos.");
    }
    pause(wait, repo, what);
    remaining = -1;
  }

  private void waitForRateLimit(HttpResponse<byte[]> r, int attempt, String repo, String what) {
    Optional<String> retryAfter = r.headers().firstValue("retry-after");
    Duration wait;
    if (retryAfter.isPresent()) {
      try {
        wait = Duration.ofSeconds(Math.max(1, Long.parseLong(retryAfter.get().strip())));
      } catch (NumberFormatException e) {
        wait = Duration.ofSeconds(60);
      }
    } else if ("0".equals(r.headers().firstValue("x-ratelimit-remaining").orElse(null))) {
      return; // the primary limit: waitForPrimaryReset waits for the reset before the retry
    } else {
      // secondary limit without retry-after: at least a minute, doubling, with jitter (GitHub's advice)
      long base = 60L << Math.min(attempt - 1, 4);
      wait = Duration.ofSeconds(base + ThreadLocalRandom.current().nextLong(0, 1 + base / 4));
    }
    if (wait.compareTo(maxRateWait) > 0) {
      throw new CiException(CiException.Kind.RATE_LIMITED, repo, r.statusCode(), "Cannot " + what
          + ": GitHub asked to wait " + wait.toSeconds() + " s (secondary rate limit), more than the " + maxRateWait.toMinutes()
          + " minutes allowed.");
    }
    pause(wait, repo, what);
  }

  private void backoff(int attempt, String repo, String what) {
    long ms = 500L << Math.min(attempt - 1, 5);
    pause(Duration.ofMillis(ms + ThreadLocalRandom.current().nextLong(0, 1 + ms / 4)), repo, what);
  }

  private void pause(Duration d, String repo, String what) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CiException(CiException.Kind.UNAVAILABLE, repo, 0, "Cannot " + what + ": interrupted while waiting.", e);
    }
  }

  /** The cached [etag, body] of a conditional request, or null. */
  private byte[][] cached(String key) {
    Optional<byte[]> v = cache.get(key);
    if (v.isEmpty()) {
      return null;
    }
    byte[] b = v.get();
    int nl = indexOf(b, (byte) '\n');
    if (nl < 0) {
      return null;
    }
    return new byte[][] {Arrays.copyOfRange(b, 0, nl), Arrays.copyOfRange(b, nl + 1, b.length)};
  }

  private void store(String key, String etag, byte[] body) {
    if (etag.indexOf('\n') >= 0) {
      return;
    }
    byte[] e = etag.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocate(e.length + 1 + body.length);
    buf.put(e).put((byte) '\n').put(body);
    cache.put(key, buf.array());
  }

  private static int indexOf(byte[] b, byte x) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
