package dev.cidoctor.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cidoctor.model.Severity;
import dev.cidoctor.testing.Golden;
import dev.cidoctor.testing.CaptureServer;
import org.junit.jupiter.api.Test;

class PagingNotifiersTest {
  private static final String ACCEPTED = "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"x\"}";

  @Test
  void pagerDutyRender_seedExample_matchesGolden() {
    Golden.assertMatches("notify.pagerduty.trigger.json", Json.pretty(PagerDutyNotifier.render(Samples.failure(), "ROUTING_KEY")));
    Golden.assertMatches("notify.pagerduty.resolve.json", Json.pretty(PagerDutyNotifier.render(Samples.recovery(), "ROUTING_KEY")));
  }

  @Test
  void pagerDutySend_failureThenRecovery_triggersAndResolvesTheSameDedupKey() {
    try (CaptureServer server = new CaptureServer().answer(202, ACCEPTED)) {
      PagerDutyNotifier pd = new PagerDutyNotifier(server.uri("/v2/enqueue"), "R0UT1NGKEY");
      pd.send(Samples.failure());
      pd.send(Samples.recovery());

      JsonNode trigger = Json.parse(server.requests.get(0).body());
      JsonNode resolve = Json.parse(server.requests.get(1).body());
      assertThat(server.requests.get(0).path()).isEqualTo("/v2/enqueue");
      assertThat(trigger.path("event_action").asText()).isEqualTo("trigger");
      assertThat(resolve.path("event_action").asText()).isEqualTo("resolve");
      assertThat(trigger.path("dedup_key").asText()).isEqualTo(resolve.path("dedup_key").asText())
          .isEqualTo("cidoctor/octo/app/" + Samples.FINGERPRINT);
      assertThat(trigger.path("payload").path("summary").asText().length()).isLessThanOrEqualTo(1024);
      assertThat(trigger.path("payload").path("severity").asText()).isIn("critical", "error", "warning", "info");
    }
  }

  @Test
  void pagerDutySend_mediumSeverity_sendsNothing() {
    try (CaptureServer server = new CaptureServer().answer(202, ACCEPTED)) {
      PagerDutyNotifier pd = new PagerDutyNotifier(server.uri("/v2/enqueue"), "R0UT1NGKEY");
      assertThat(pd.accepts(Samples.failure(Severity.MEDIUM))).isFalse();
      pd.send(Samples.failure(Severity.MEDIUM));
      assertThat(server.requests).isEmpty();
    }
  }

  @Test
  void pagerDutySend_hugeNotification_staysWithinLimits() {
    JsonNode e = PagerDutyNotifier.render(Samples.huge(), "K");
    assertThat(e.path("payload").path("summary").asText().length()).isLessThanOrEqualTo(1024);
    assertThat(e.path("dedup_key").asText().length()).isLessThanOrEqualTo(255);
    assertThat(e.toString().length()).isLessThan(512 * 1024);
  }

  @Test
  void pagerDutySend_throttled_isRetryableAndHidesTheKey() {
    try (CaptureServer server = new CaptureServer().answer(429, "{\"status\":\"throttle event\"}")) {
      assertThatThrownBy(() -> new PagerDutyNotifier(server.uri("/v2/enqueue"), "R0UT1NGKEY").send(Samples.failure()))
          .isInstanceOfSatisfying(NotifyException.class, ex -> {
            assertThat(ex.retryable()).isTrue();
            assertThat(ex.getMessage()).doesNotContain("R0UT1NGKEY").startsWith("Cannot deliver to pagerduty: PagerDuty answered 429");
          });
    }
  }

  @Test
  void opsgenieRender_seedExample_matchesGolden() {
    Golden.assertMatches("notify.opsgenie.create.json", Json.pretty(OpsgenieNotifier.render(Samples.failure())));
  }

  @Test
  void opsgenieSend_failureThenRecovery_createsThenClosesByAlias() {
    String accepted = "{\"result\":\"Request will be processed\",\"took\":0.302,\"requestId\":\"43a29c5c\"}";
    try (CaptureServer server = new CaptureServer().answer(202, accepted)) {
      OpsgenieNotifier og = new OpsgenieNotifier(server.uri(""), "0PSK3Y");
      og.send(Samples.failure(Severity.CRITICAL));
      og.send(Samples.recovery());

      CaptureServer.Request create = server.requests.get(0);
      CaptureServer.Request close = server.requests.get(1);
      assertThat(create.path()).isEqualTo("/v2/alerts");
      assertThat(create.header("Authorization")).isEqualTo("GenieKey 0PSK3Y");
      JsonNode alert = Json.parse(create.body());
      assertThat(alert.path("alias").asText()).isEqualTo("cidoctor/octo/app/" + Samples.FINGERPRINT);
      assertThat(alert.path("priority").asText()).isEqualTo("P1");
      assertThat(alert.path("message").asText().length()).isLessThanOrEqualTo(130);
      assertThat(close.path()).isEqualTo("/v2/alerts/cidoctor%2Focto%2Fapp%2Fsha256%3A3f2a9c1d8e7b6a50/close?identifierType=alias");
    }
  }

  @Test
  void opsgenieRender_hugeNotification_staysWithinLimits() {
    JsonNode a = OpsgenieNotifier.render(Samples.huge());
    assertThat(a.path("message").asText().length()).isLessThanOrEqualTo(130);
    assertThat(a.path("alias").asText().length()).isLessThanOrEqualTo(512);
    assertThat(a.path("description").asText().length()).isLessThanOrEqualTo(15000);
    assertThat(a.path("entity").asText().length()).isLessThanOrEqualTo(512);
    a.path("tags").forEach(t -> assertThat(t.asText().length()).isLessThanOrEqualTo(50));
  }
}
