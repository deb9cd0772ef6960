package dev.cidoctor.ci.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cidoctor.model.JobStep;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GitHubWebhooksTest {
  static final byte[] SECRET = "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);

  static byte[] resource(String name) throws IOException {
    try (InputStream in = GitHubWebhooksTest.class.getResourceAsStream("/github-webhooks/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void verify_docsTestVector_isValid() {
    assertThat(GitHubWebhooks.verify(SECRET, "Hello, World!".getBytes(StandardCharsets.UTF_8),
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")).isTrue();
  }

  @Test
  void verify_everyFixtureDelivery_matchesItsRecordedSignature() throws IOException {
    JsonNode deliveries = new ObjectMapper().readTree(resource("_deliveries.json"));
    int checked = 0;
    for (JsonNode f : deliveries.get("files")) {
      InputStream in = getClass().getResourceAsStream("/github-webhooks/" + f.get("file").asText());
      if (in == null) {
        continue; // only some payloads were copied here
      }
      byte[] body;
      try (in) {
        body = in.readAllBytes();
      }
      assertThat(GitHubWebhooks.verify(SECRET, body, f.get("X-Hub-Signature-256").asText())).as(f.get("file").asText()).isTrue();
      checked++;
    }
    assertThat(checked).isEqualTo(6); // the five this test came with, and workflow_run.requested.json for the intake tests
  }

  @Test
  void verify_forgedOrMalformed_isFalse() throws IOException {
    byte[] body = resource("ping.json");
    String good = "sha256=" + java.util.HexFormat.of().formatHex(hmac(body));
    byte[] tampered = body.clone();
    tampered[10] ^= 1;

    assertThat(GitHubWebhooks.verify(SECRET, body, good)).isTrue();
    assertThat(GitHubWebhooks.verify(SECRET, tampered, good)).isFalse();
    assertThat(GitHubWebhooks.verify("another secret".getBytes(StandardCharsets.UTF_8), body, good)).isFalse();
    assertThat(GitHubWebhooks.verify(SECRET, body, null)).isFalse();
    assertThat(GitHubWebhooks.verify(SECRET, body, "")).isFalse();
    assertThat(GitHubWebhooks.verify(SECRET, body, "sha1=" + good.substring(7))).isFalse();
    assertThat(GitHubWebhooks.verify(SECRET, body, good.substring(0, good.length() - 2))).isFalse();
    assertThat(GitHubWebhooks.verify(SECRET, body, "sha256=" + "zz".repeat(32))).isFalse();
    assertThat(GitHubWebhooks.verify(new byte[0], body, good)).isFalse();
  }

  @Test
  void parse_workflowRunCompleted_givesTheRun() throws IOException {
    WebhookEvent e = GitHubWebhooks.parse("workflow_run", resource("workflow_run.completed.json"));

    assertThat(e.kind()).isEqualTo(WebhookEvent.Kind.WORKFLOW_RUN);
    assertThat(e.action()).isEqualTo("completed");
    assertThat(e.repo()).isEqualTo(e.run().repo()).contains("/");
    assertThat(e.run().completed()).isTrue();
    assertThat(e.run().id()).isEqualTo(e.runId()).isPositive();
    assertThat(e.run().workflowPath()).startsWith(".github/workflows/").doesNotContain("@");
    assertThat(e.job()).isNull();
  }

  @Test
  void parse_workflowJobCompletedFailure_givesTheJobWithRunIdAndAttempt() throws IOException {
    WebhookEvent e = GitHubWebhooks.parse("workflow_job", resource("workflow_job.completed.failure.json"));

    assertThat(e.kind()).isEqualTo(WebhookEvent.Kind.WORKFLOW_JOB);
    assertThat(e.job().failed()).isTrue();
    assertThat(e.job().runId()).isEqualTo(e.runId()).isPositive();
    assertThat(e.job().steps()).extracting(JobStep::number).isSorted();
    assertThat(e.run()).isNull();
  }

  @Test
  void parse_newerJobPayload_readsRunAttempt() throws IOException {
    WebhookEvent e = GitHubWebhooks.parse("workflow_job", resource("workflow_job.completed.success.grafana-testdata.json"));

    assertThat(e.runAttempt()).isEqualTo(10);
    assertThat(e.job().attempt()).isEqualTo(10);
  }

  @Test
  void parse_queuedJob_hasNoConclusionYet() throws IOException {
    WebhookEvent e = GitHubWebhooks.parse("workflow_job", resource("workflow_job.queued.json"));

    assertThat(e.action()).isEqualTo("queued");
    assertThat(e.job().conclusion()).isNull();
    assertThat(e.job().completedAt()).isNull();
  }

  @Test
  void parse_pingAndUnknownEvents_areRecognisedWithoutFailing() throws IOException {
    assertThat(GitHubWebhooks.parse("ping", resource("ping.json")).kind()).isEqualTo(WebhookEvent.Kind.PING);
    assertThat(GitHubWebhooks.parse("star", "{\"action\":\"created\",\"extra\":{\"x\":1}}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new WebhookEvent(WebhookEvent.Kind.OTHER, "star", "created", null, null, null, 0, 0));
  }

  @Test
  void parse_minimalRunWithoutOptionalFields_defaultsThem() {
    String body = "{\"action\":\"requested\",\"repository\":{\"full_name\":\"octo/app\"},"
        + "\"workflow_run\":{\"id\":7,\"status\":\"queued\",\"conclusion\":null,\"created_at\":\"2026-03-02T12:00:00Z\"}}";
    WebhookEvent e = GitHubWebhooks.parse("workflow_run", body.getBytes(StandardCharsets.UTF_8));

    assertThat(e.run().attempt()).isEqualTo(1);
    assertThat(e.run().createdAt()).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
    assertThat(e.run().conclusion()).isNull();
  }

  @Test
  void parse_malformedJson_saysSoInOneSentence() {
    assertThatThrownBy(() -> GitHubWebhooks.parse("workflow_run", "{\"action\": ".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(WebhookException.class)
        .hasMessageStartingWith("The workflow_run delivery is not a JSON object (")
        .hasMessageEndingWith(").");
    assertThatThrownBy(() -> GitHubWebhooks.parse("workflow_run", "{\"action\":\"completed\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(WebhookException.class)
        .hasMessage("The workflow_run delivery cannot be read: it has no workflow_run.");
    assertThatThrownBy(() -> GitHubWebhooks.parse("workflow_job", "[]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(WebhookException.class)
        .hasMessageStartingWith("The workflow_job delivery is not a JSON object (");
  }

  private static byte[] hmac(byte[] body) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(SECRET, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
