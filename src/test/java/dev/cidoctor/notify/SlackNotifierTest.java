package dev.cidoctor.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cidoctor.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import dev.cidoctor.testing.CaptureServer;
import org.junit.jupiter.api.Test;

class SlackNotifierTest {

  @Test
  void render_seedExample_matchesGolden() {
    Golden.assertMatches("notify.slack.failure.json", Json.pretty(SlackNotifier.render(Samples.failure())));
  }

  @Test
  void render_recovery_matchesGolden() {
    Golden.assertMatches("notify.slack.recovery.json", Json.pretty(SlackNotifier.render(Samples.recovery())));
  }

  @Test
  void render_hugeNotification_staysWithinSlackLimitsAndLinksTheRun() {
    JsonNode msg = SlackNotifier.render(Samples.huge());

    assertThat(Limits.slack(msg)).isEmpty();
    assertThat(msg.toString()).contains("<https://github.com/octo/app/actions/runs/1|the run>");
  }

  @Test
  void render_hostileText_cannotPingLinkOrFormat() {
    JsonNode msg = SlackNotifier.render(Samples.hostile());
    List<String> texts = new ArrayList<>();
    collect(msg, texts);

    for (String t : texts) {
      assertThat(t).doesNotContain("<!", "<@", "<https://evil", "<b>", "<script").doesNotContainPattern("@(here|channel|everyone)\\b");
    }
    for (JsonNode m : msg.findParents("type")) {
      if (m.path("type").asText().equals("mrkdwn")) {
        String outsideCode = m.path("text").asText().replaceAll("(?s)```.*?```", "").replaceAll("`[^`]*`", "");
        assertThat(outsideCode).doesNotContain("evil", "**bold**", "_it_", "~s~");
        assertThat(m.path("verbatim").asBoolean()).isTrue();
      }
    }
    assertThat(Limits.slack(msg)).isEmpty();
  }

  @Test
  void send_toLoopbackWebhook_postsTheRenderedJson() {
    try (CaptureServer server = new CaptureServer()) {
      new SlackNotifier(server.uri("/services/T000/B000/XXXX")).send(Samples.failure());

      assertThat(server.last().method()).isEqualTo("POST");
      assertThat(server.last().header("Content-Type")).isEqualTo("application/json");
      assertThat(Json.parse(server.last().body())).isEqualTo(SlackNotifier.render(Samples.failure()));
    }
  }

  @Test
  void send_webhookRevoked_failsWithoutTheUrl() {
    try (CaptureServer server = new CaptureServer().answer(404, "no_service")) {
      assertThatThrownBy(() -> new SlackNotifier(server.uri("/services/T000/B000/SECRET")).send(Samples.failure()))
          .isInstanceOfSatisfying(NotifyException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("Cannot deliver to slack: Slack answered 404 (no_service).");
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.retryable()).isFalse();
          });
    }
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.forEach(child -> collect(child, out));
  }
}
