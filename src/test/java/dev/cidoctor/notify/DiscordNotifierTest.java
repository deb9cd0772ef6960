package dev.cidoctor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cidoctor.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import dev.cidoctor.testing.CaptureServer;
import org.junit.jupiter.api.Test;

class DiscordNotifierTest {

  @Test
  void render_seedExample_matchesGolden() {
    Golden.assertMatches("notify.discord.failure.json", Json.pretty(DiscordNotifier.render(Samples.failure())));
  }

  @Test
  void render_recovery_matchesGolden() {
    Golden.assertMatches("notify.discord.recovery.json", Json.pretty(DiscordNotifier.render(Samples.recovery())));
  }

  @Test
  void render_hugeNotification_staysWithinDiscordLimitsAndLinksTheRun() {
    JsonNode msg = DiscordNotifier.render(Samples.huge().withMention("123456789012345678"));

    assertThat(Limits.discord(msg)).isEmpty();
    assertThat(msg.path("embeds").get(0).path("description").asText()).endsWith("[full log](https://github.com/octo/app/actions/runs/1)");
    assertThat(msg.path("allowed_mentions").path("users").get(0).asText()).isEqualTo("123456789012345678");
  }

  @Test
  void render_hostileText_cannotPingLinkOrFormat() {
    JsonNode msg = DiscordNotifier.render(Samples.hostile());
    List<String> texts = new ArrayList<>();
    collect(msg.path("embeds"), texts);

    for (String t : texts) {
      String outsideCode = t.replaceAll("(?s)```.*?```", "");
      assertThat(outsideCode).doesNotContainPattern("(?<!\\\\)<[@#!]").doesNotContainPattern("(?<!\\\\)\\[click")
          .doesNotContainPattern("(?<!\\\\)\\*\\*bold").doesNotContainPattern("(?<!\\\\)\\|\\|spoiler")
          .doesNotContainPattern("@(here|channel|everyone|octocat)\\b");
      assertThat(t).doesNotContainPattern("@(here|channel|everyone)\\b");
    }
    assertThat(msg.has("content")).isFalse();
    assertThat(Limits.discord(msg)).isEmpty();
  }

  @Test
  void send_toLoopbackWebhook_postsTheRenderedJson() {
    try (CaptureServer server = new CaptureServer().answer(204, "")) {
      new DiscordNotifier(server.uri("/api/webhooks/1/token")).send(Samples.failure());

      assertThat(Json.parse(server.last().body())).isEqualTo(DiscordNotifier.render(Samples.failure()));
      assertThat(Limits.discord(Json.parse(server.last().body()))).isEmpty();
    }
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.forEach(child -> collect(child, out));
  }
}
