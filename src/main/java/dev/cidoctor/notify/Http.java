package dev.cidoctor.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends one HTTP request for a channel and turns every failure into a {@link NotifyException} whose
 * message names the channel and the status but never the URL (a webhook URL is a secret).
 */
final class Http {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER).build();

  /** The status and body of an accepted request. */
  record Response(int status, String body, HttpResponse<String> raw) {}

  private Http() {}

  static HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("User-Agent", "cidoctor");
  }

  static HttpRequest.Builder postJson(URI uri, String json) {
    return request(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
  }

  /** Sends and returns a 2xx answer; throws for anything else. {@code service} names it in messages. */
  static Response send(String channel, String service, HttpRequest request) {
    HttpResponse<String> r;
    try {
      r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new NotifyException(NotifyException.Reason.UNAVAILABLE, channel, 0,
          "Cannot deliver to " + channel + ": " + service + " could not be reached (" + e.getClass().getSimpleName() + ").",
          java.util.List.of(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotifyException(NotifyException.Reason.UNAVAILABLE, channel, 0,
          "Cannot deliver to " + channel + ": interrupted while waiting for " + service + ".");
    }
    int status = r.statusCode();
    if (status / 100 != 2) {
      String detail = Text.cut(Text.oneLine(r.body()), 200);
      throw new NotifyException(NotifyException.forStatus(status), channel, status,
          "Cannot deliver to " + channel + ": " + service + " answered " + status + (detail.isEmpty() ? "" : " (" + detail + ")") + ".");
    }
    return new Response(status, r.body(), r);
  }

  /** Parses a configured URL, naming only the key (never the value) when it is not one. */
  static URI uri(String channel, String key, String value) {
    try {
      URI u = URI.create(value.strip());
      if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http")) || u.getHost() == null) {
        throw new IllegalArgumentException("scheme");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new NotifyException(NotifyException.Reason.CONFIG, channel, 0,
          key + " is not an http(s) URL; set it to the URL the service gave you.");
    }
  }
}
