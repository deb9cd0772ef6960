package dev.cidoctor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.testing.Golden;
import dev.cidoctor.testing.CaptureServer;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {

  @Test
  void write_seedExample_matchesTheDocumentedGolden() {
    Golden.assertMatches("notify.webhook.failure.json", Json.pretty(NotificationJson.tree(Samples.failure())));
  }

  @Test
  void read_whatWriteWrote_givesTheSameNotification() {
    for (Notification n : new Notification[] {Samples.failure(), Samples.recovery(), Samples.huge(), Samples.hostile()}) {
      assertThat(NotificationJson.read(NotificationJson.write(n))).isEqualTo(n);
    }
  }

  @Test
  void send_toLoopback_postsTheJsonWithAnIdempotencyKey() {
    try (CaptureServer server = new CaptureServer()) {
      new WebhookNotifier(server.uri("/hook")).send(Samples.failure());

      assertThat(NotificationJson.read(server.last().body())).isEqualTo(Samples.failure());
      assertThat(server.last().header("Idempotency-Key")).isEqualTo("webhook:octo/app#9876543210.1:failure");
    }
  }
}
