package dev.cidoctor.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.ci.github.GitHubWebhooks;
import dev.cidoctor.ci.github.WebhookException;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.testing.InMemoryPatternStore;
import dev.cidoctor.testing.Resources;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookIntakeTest {
  static final String SECRET = "It's a Secret to Everybody";
  final InMemoryPatternStore store = new InMemoryPatternStore();
  final List<WorkflowRun> handed = new CopyOnWriteArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();
  WebhookIntake intake;

  @BeforeEach
  void start() throws Exception {
    byte[] key = SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    WebhookIntake.Codec codec = new WebhookIntake.Codec() {
      @Override
      public boolean verify(byte[] body, String signature) {
        return GitHubWebhooks.verify(key, body, signature);
      }

      @Override
      public Optional<WorkflowRun> completedRun(String event, byte[] body) {
        try {
          return GitHubWebhooks.completedRun(event, body);
        } catch (WebhookException e) {
          throw new IllegalArgumentException(e.getMessage(), e);
        }
      }
    };
    intake = new WebhookIntake(new InetSocketAddress("127.0.0.1", 0), codec, store, handed::add, Clock.systemUTC());
    intake.start();
  }

  @AfterEach
  void stop() {
    intake.close();
  }

  HttpResponse<String> post(String event, String delivery, byte[] body, String signature) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + intake.address().getPort() + "/webhook"))
        .header("Content-Type", "application/json").header("User-Agent", "GitHub-Hookshot/044aadd")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (event != null) {
      b.header("X-GitHub-Event", event);
    }
    if (delivery != null) {
      b.header("X-GitHub-Delivery", delivery);
    }
    if (signature != null) {
      b.header("X-Hub-Signature-256", signature);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static byte[] completed() {
    return Resources.bytes("github-webhooks/workflow_run.completed.json");
  }

  static String sign(byte[] body) {
    return sign(SECRET, body);
  }

  static String sign(String secret, byte[] body) {
    return dev.cidoctor.testing.WebhookSignatures.sign(secret, body);
  }

  void awaitHanded(int n) throws InterruptedException {
    for (int i = 0; i < 500 && handed.size() < n; i++) {
      Thread.sleep(10);
    }
  }

  @Test
  void post_validCompletedRun_answers202AndHandsTheRunToTheWorker() throws Exception {
    HttpResponse<String> r = post("workflow_run", "72d3162e-cc78-11e3-81ab-4c9367dc0958", completed(), sign(completed()));

    assertThat(r.statusCode()).isEqualTo(202);
    awaitHanded(1);
    assertThat(handed).extracting(WorkflowRun::id).containsExactly(289782451L);
  }

  @Test
  void post_forgedOrMissingSignature_answers401AndDoesNothing() throws Exception {
    byte[] body = completed();
    HttpResponse<String> forged = post("workflow_run", "d-1", body, sign("guess", body));
    HttpResponse<String> missing = post("workflow_run", "d-2", body, null);

    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(forged.body()).doesNotContain("octo-org");
    Thread.sleep(100);
    assertThat(handed).isEmpty();
    assertThat(store.firstDelivery("d-1", null)).as("a forged delivery must not use up its id").isTrue();
  }

  @Test
  void post_redelivery_isIgnored() throws Exception {
    byte[] body = completed();
    HttpResponse<String> first = post("workflow_run", "same-id", body, sign(body));
    HttpResponse<String> again = post("workflow_run", "same-id", body, sign(body));

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo("duplicate delivery ignored\n");
    awaitHanded(1);
    Thread.sleep(100);
    assertThat(handed).hasSize(1);
  }

  @Test
  void post_pingAndUnfinishedRuns_areAnsweredWithoutWork() throws Exception {
    byte[] ping = Resources.bytes("github-webhooks/ping.json");
    byte[] requested = Resources.bytes("github-webhooks/workflow_run.requested.json");

    assertThat(post("ping", "p-1", ping, sign(ping)).statusCode()).isEqualTo(200);
    assertThat(post("workflow_run", "r-1", requested, sign(requested)).statusCode()).isEqualTo(202);
    Thread.sleep(100);
    assertThat(handed).isEmpty();
  }

  @Test
  void post_signedGarbageOrMissingHeaders_answers400() throws Exception {
    byte[] garbage = "{\"action\":".getBytes();

    assertThat(post("workflow_run", "g-1", garbage, sign(garbage)).statusCode()).isEqualTo(400);
    assertThat(post(null, "g-2", completed(), sign(completed())).statusCode()).isEqualTo(400);
    assertThat(post("workflow_run", null, completed(), sign(completed())).statusCode()).isEqualTo(400);
  }

  @Test
  void get_webhookAndHealth_answer405AndOk() throws Exception {
    URI base = URI.create("http://127.0.0.1:" + intake.address().getPort());
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(base.resolve("/webhook")).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> other = http.send(HttpRequest.newBuilder(base.resolve("/admin")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(other.statusCode()).isEqualTo(404);
  }
}
