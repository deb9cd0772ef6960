package dev.cidoctor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.notify.Outbox;
import dev.cidoctor.notify.OutboxItem;
import dev.cidoctor.store.LearningStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The durable outbox keeps the in-memory outbox's contract, on a real SQLite file and PostgreSQL server. */
class JdbcOutboxTest {
  static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
  static final Duration LEASE = Duration.ofMinutes(2);

  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void enqueue_sameKeyTwice_keepsOneItem(String kind) {
    try (LearningStore s = TestStores.target(kind, dir).open()) {
      Outbox o = PatternStores.outbox(s);
      String key = "slack:" + kind + ":octo/app#1.1:failure";

      assertThat(o.enqueue(key, "slack", "{}", T)).isTrue();
      assertThat(o.enqueue(key, "slack", "{\"other\":1}", T)).isFalse();
      List<OutboxItem> claimed = o.claim("a", T, LEASE, 10);
      assertThat(claimed).extracting(OutboxItem::key).contains(key);
      assertThat(claimed.stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow().payload()).isEqualTo("{}");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void claim_whileLeased_isRefusedToOthersUntilTheLeaseEnds(String kind) {
    try (LearningStore s = TestStores.target(kind, dir).open()) {
      Outbox o = PatternStores.outbox(s);
      String key = "discord:" + kind + ":octo/app#2.1:failure";
      o.enqueue(key, "discord", "{}", T);

      assertThat(o.claim("a", T, LEASE, 100)).extracting(OutboxItem::key).contains(key);
      assertThat(o.claim("b", T.plusSeconds(60), LEASE, 100)).extracting(OutboxItem::key).doesNotContain(key);
      // "a" crashed: after its lease the item is due again for "b", nothing lost
      assertThat(o.claim("b", T.plus(LEASE).plusSeconds(1), LEASE, 100)).extracting(OutboxItem::key).contains(key);
      assertThat(o.markFailed(key, "a", T.plus(Duration.ofHours(1)), "late")).as("a lost its lease").isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.cidoctor.store.jdbc.TestStores#both")
  void markSent_thenNeverClaimedAgain_andFailuresBackOffOrGiveUp(String kind) {
    try (LearningStore s = TestStores.target(kind, dir).open()) {
      Outbox o = PatternStores.outbox(s);
      String sent = "email:" + kind + ":octo/app#3.1:failure";
      String retry = "webhook:" + kind + ":octo/app#3.1:failure";
      String dead = "pagerduty:" + kind + ":octo/app#3.1:failure";
      o.enqueue(sent, "email", "{}", T);
      o.enqueue(retry, "webhook", "{}", T);
      o.enqueue(dead, "pagerduty", "{}", T);
      o.claim("a", T, LEASE, 100);

      assertThat(o.markSent(sent, T)).isTrue();
      assertThat(o.markSent(sent, T)).isFalse();
      assertThat(o.markFailed(retry, "a", T.plusSeconds(30), "HTTP 500")).isTrue();
      assertThat(o.markFailed(dead, "a", null, "HTTP 400")).isTrue();

      List<String> early = o.claim("b", T.plusSeconds(10), LEASE, 100).stream().map(OutboxItem::key).toList();
      List<OutboxItem> later = o.claim("b", T.plusSeconds(31), LEASE, 100);
      assertThat(early).doesNotContain(sent, retry, dead);
      assertThat(later).extracting(OutboxItem::key).contains(retry).doesNotContain(sent, dead);
      assertThat(later.stream().filter(i -> i.key().equals(retry)).findFirst().orElseThrow().attempts()).isEqualTo(1);
    }
  }
}
