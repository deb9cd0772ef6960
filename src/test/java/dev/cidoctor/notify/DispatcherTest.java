package dev.cidoctor.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cidoctor.testing.RecordingNotifier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);

  /** A process dying in the middle of a round. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;
  }

  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final RecordingNotifier slack = new RecordingNotifier("slack");
  private final RecordingNotifier discord = new RecordingNotifier("discord");

  private Dispatcher dispatcher(String owner) {
    return new Dispatcher(outbox, Map.of("slack", slack, "discord", discord), owner, LEASE, Duration.ofSeconds(30),
        Duration.ofMinutes(10), 4, 100);
  }

  private static Notification run(long id) {
    Notification n = Samples.failure();
    return new Notification(n.kind(), n.repo(), n.workflow(), id, 1, id, n.branch(), n.commitSha(), n.commitAuthor(),
        n.commitMessage(), n.runUrl(), n.diagnosis(), null, 0, null, null, false, false, T0, null);
  }

  private void enqueue(Notification n, String... channels) {
    for (String c : channels) {
      outbox.enqueue(n.key(c), c, NotificationJson.write(n), T0);
    }
  }

  @Test
  void runOnce_due_deliversEachKeyOnceAndNeverAgain() {
    Router.Decision d = new Router(Routing.defaults()).decide(run(1), List.of("slack", "discord"), T0);
    assertThat(Dispatcher.enqueue(outbox, d, T0)).isEqualTo(2);
    assertThat(Dispatcher.enqueue(outbox, d, T0)).isZero();

    assertThat(dispatcher("a").runOnce(T0)).isEqualTo(new Dispatcher.Report(2, 0, 0, 0));
    assertThat(dispatcher("a").runOnce(T0.plus(Duration.ofHours(1)))).isEqualTo(new Dispatcher.Report(0, 0, 0, 0));

    assertThat(slack.sent()).containsExactly(run(1));
    assertThat(discord.sent()).containsExactly(run(1));
  }

  @Test
  void runOnce_failingChannel_doesNotDelayTheOthersAndBacksOffExponentially() {
    enqueue(run(1), "slack", "discord");
    enqueue(run(2), "slack", "discord");
    slack.failNext(503).failNext(503);

    Dispatcher.Report first = dispatcher("a").runOnce(T0);

    assertThat(first).isEqualTo(new Dispatcher.Report(2, 1, 0, 1));
    assertThat(discord.sent()).hasSize(2);
    assertThat(slack.sent()).isEmpty();
    assertThat(dispatcher("a").runOnce(T0.plusSeconds(29))).isEqualTo(new Dispatcher.Report(0, 0, 0, 0));
    assertThat(dispatcher("a").runOnce(T0.plusSeconds(30))).isEqualTo(new Dispatcher.Report(0, 1, 0, 1));
    assertThat(dispatcher("a").runOnce(T0.plusSeconds(89))).isEqualTo(new Dispatcher.Report(0, 0, 0, 0));
    assertThat(dispatcher("a").runOnce(T0.plusSeconds(90))).isEqualTo(new Dispatcher.Report(2, 0, 0, 0));
    assertThat(slack.sent()).containsExactly(run(1), run(2));
    assertThat(outbox.attempts(run(1).key("slack"))).isEqualTo(2);
  }

  @Test
  void runOnce_rejected_givesUpAtOnceWithTheReason() {
    enqueue(run(1), "slack");
    slack.failNext(404);

    assertThat(dispatcher("a").runOnce(T0)).isEqualTo(new Dispatcher.Report(0, 0, 1, 0));
    assertThat(outbox.status(run(1).key("slack"))).isEqualTo(InMemoryOutbox.Status.DEAD);
    assertThat(outbox.lastError(run(1).key("slack"))).isEqualTo("Cannot deliver to slack: answered 404.");
  }

  @Test
  void runOnce_retryableUntilMaxAttempts_thenGivesUp() {
    enqueue(run(1), "slack");
    for (int i = 0; i < 4; i++) {
      slack.failNext(500);
    }
    Instant t = T0;
    for (int i = 0; i < 4; i++) {
      dispatcher("a").runOnce(t);
      t = t.plus(Duration.ofMinutes(10));
    }
    assertThat(outbox.status(run(1).key("slack"))).isEqualTo(InMemoryOutbox.Status.DEAD);
    assertThat(outbox.attempts(run(1).key("slack"))).isEqualTo(4);
  }

  @Test
  void backoff_doublesUpToTheMaximum() {
    Dispatcher d = dispatcher("a");
    assertThat(List.of(d.backoff(1), d.backoff(2), d.backoff(3), d.backoff(5), d.backoff(30)))
        .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(480), Duration.ofMinutes(10));
  }

  @Test
  void crashBetweenClaimAndSend_itemsAreDeliveredAfterTheLeaseByTheNextProcess() {
    enqueue(run(1), "slack");
    enqueue(run(2), "slack");
    assertThat(outbox.claim("crashed", T0, LEASE, 100)).hasSize(2);

    assertThat(dispatcher("restarted").runOnce(T0.plusSeconds(60))).isEqualTo(new Dispatcher.Report(0, 0, 0, 0));
    assertThat(dispatcher("restarted").runOnce(T0.plus(LEASE))).isEqualTo(new Dispatcher.Report(2, 0, 0, 0));
    assertThat(dispatcher("restarted").runOnce(T0.plus(LEASE).plusSeconds(1))).isEqualTo(new Dispatcher.Report(0, 0, 0, 0));

    assertThat(slack.sent()).containsExactly(run(1), run(2));
  }

  @Test
  void crashBetweenSendAndMarkSent_repeatsThatOneMessageOnly() {
    enqueue(run(1), "slack");
    enqueue(run(2), "slack");
    slack.crashAfterNextSend(Crash::new);

    assertThatThrownBy(() -> dispatcher("crashed").runOnce(T0)).isInstanceOf(Crash.class);
    dispatcher("restarted").runOnce(T0.plus(LEASE));

    assertThat(slack.sent()).containsExactly(run(1), run(1), run(2));
    assertThat(outbox.status(run(1).key("slack"))).isEqualTo(InMemoryOutbox.Status.SENT);
  }

  @Test
  void channelNoLongerConfigured_givesUpInsteadOfRetryingForever() {
    enqueue(run(1), "opsgenie");

    assertThat(dispatcher("a").runOnce(T0)).isEqualTo(new Dispatcher.Report(0, 0, 1, 0));
    assertThat(outbox.lastError(run(1).key("opsgenie"))).isEqualTo("opsgenie is not configured any more");
  }
}
