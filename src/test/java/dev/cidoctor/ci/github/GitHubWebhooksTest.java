package dev.cidoctor.ci.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.testing.Resources;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GitHubWebhooksTest {
  static final byte[] SECRET = GitHubWebhooks.secret("It's a Secret to Everybody");

  @Test
  void verify_docsTestVector_isValid() {
    assertThat(GitHubWebhooks.verify(SECRET, "Hello, World!".getBytes(StandardCharsets.UTF_8),
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")).isTrue();
  }

  @Test
  void verify_everyFixtureDelivery_matchesItsRecordedSignature() throws Exception {
    JsonNode deliveries = new ObjectMapper().readTree(Resources.bytes("github-webhooks/_deliveries.json"));
    int checked = 0;
    for (JsonNode f : deliveries.path("files")) {
      String file = f.path("file").asText();
      if (getClass().getResource("/github-webhooks/" + file) == null) {
        continue; // only some payloads are copied into the repo
      }
      byte[] body = Resources.bytes("github-webhooks/" + file);
      assertThat(GitHubWebhooks.verify(SECRET, body, f.path("X-Hub-Signature-256").asText())).as(file).isTrue();
      assertThat(GitHubWebhooks.sign(SECRET, body)).isEqualTo(f.path("X-Hub-Signature-256").asText());
      checked++;
    }
    assertThat(checked).isEqualTo(4);
  }

  @Test
  void verify_tamperedBodyWrongSecretOrMalformedHeader_isInvalid() {
    byte[] body = Resources.bytes("github-webhooks/workflow_run.completed.json");
    String good = GitHubWebhooks.sign(SECRET, body);
    byte[] tampered = Arrays.copyOf(body, body.length);
    tampered[10] ^= 1;

    assertThat(GitHubWebhooks.verify(SECRET, tampered, good)).isFalse();
    assertThat(GitHubWebhooks.verify(GitHubWebhooks.secret("other"), body, good)).isFalse();
    assertThat(GitHubWebhooks.verify(SECRET, body, null)).isFalse();
    assertThat(GitHubWebhooks.verify(SECRET, body, "sha1=" + good.substring(7))).isFalse();
    assertThat(GitHubWebhooks.verify(SECRET, body, "sha256=zz" + good.substring(9))).isFalse();
    assertThat(GitHubWebhooks.verify(SECRET, body, good.substring(0, good.length() - 2))).isFalse();
    assertThat(GitHubWebhooks.verify(new byte[0], body, good)).isFalse();
  }

  @Test
  void completedRun_workflowRunCompleted_mapsTheRun() {
    WorkflowRun run = GitHubWebhooks.completedRun("workflow_run", Resources.bytes("github-webhooks/workflow_run.completed.json")).orElseThrow();

    assertThat(run.repo()).isEqualTo("octo-org/octo-repo");
    assertThat(run.id()).isEqualTo(289782451L);
    assertThat(run.runNumber()).isEqualTo(163);
    assertThat(run.attempt()).isEqualTo(1);
    assertThat(run.workflowPath()).isEqualTo(".github/workflows/test.yml");
    assertThat(run.branch()).isEqualTo("master");
    assertThat(run.headSha()).isEqualTo("3484a3fb816e0859fd6e1cea078d76385ff50625");
    assertThat(run.conclusion()).isEqualTo("success");
    assertThat(run.completed()).isTrue();
    assertThat(run.createdAt()).isEqualTo(Instant.parse("2020-10-05T16:33:24Z"));
    assertThat(run.actor()).isEqualTo("Codertocat");
  }

  @Test
  void completedRun_otherActionsAndEvents_areEmpty() {
    assertThat(GitHubWebhooks.completedRun("workflow_run", Resources.bytes("github-webhooks/workflow_run.requested.json"))).isEmpty();
    assertThat(GitHubWebhooks.completedRun("workflow_job", Resources.bytes("github-webhooks/workflow_job.completed.failure.json"))).isEmpty();
    assertThat(GitHubWebhooks.completedRun("ping", Resources.bytes("github-webhooks/ping.json"))).isEmpty();
    assertThat(GitHubWebhooks.completedRun("push", "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void completedRun_malformedPayload_throwsWithTheReason() {
    assertThatThrownBy(() -> GitHubWebhooks.completedRun("workflow_run", "{not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the body is not JSON");
    assertThatThrownBy(() -> GitHubWebhooks.completedRun("workflow_run", "{\"action\":\"completed\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a workflow_run payload has a workflow_run object");
    assertThatThrownBy(() -> GitHubWebhooks.completedRun("workflow_run",
        "{\"action\":\"completed\",\"workflow_run\":{\"id\":1}}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a workflow_run payload names its repository");
  }
}
