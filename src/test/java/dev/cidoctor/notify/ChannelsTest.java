package dev.cidoctor.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.model.Commit;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.testing.CaptureServer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelsTest {

  @Test
  void configured_everyKeySet_buildsEveryChannelInOrder() {
    Map<String, String> s = Map.ofEntries(Map.entry("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T/B/X"),
        Map.entry("DISCORD_WEBHOOK_URL", "https://discord.com/api/webhooks/1/x"), Map.entry("EMAIL_ENABLED", "true"),
        Map.entry("SMTP_HOST", "smtp.example.com"), Map.entry("EMAIL_FROM", "ci@example.com"), Map.entry("EMAIL_TO", "a@example.com, b@example.com"),
        Map.entry("GITHUB_CREATE_ISSUES", "true"), Map.entry("GITHUB_TOKEN", "t"), Map.entry("PAGERDUTY_ROUTING_KEY", "k"),
        Map.entry("OPSGENIE_API_KEY", "k"), Map.entry("NOTIFY_WEBHOOK_URL", "https://example.com/hook"));

    assertThat(Channels.configured(s).keySet()).containsExactlyElementsOf(Channels.NAMES);
    assertThat(Channels.configured(Map.of("EMAIL_ENABLED", "false", "GITHUB_CREATE_ISSUES", "no"))).isEmpty();
  }

  @Test
  void create_opsgenieEuRegionOverride_postsThere() {
    try (CaptureServer eu = new CaptureServer().answer(202, "{\"result\":\"Request will be processed\"}")) {
      Notifier og = Channels.create("opsgenie", Map.of("OPSGENIE_API_KEY", "k", "OPSGENIE_API_URL", eu.uri("/").toString()));
      og.send(Samples.failure());

      assertThat(eu.last().path()).isEqualTo("/v2/alerts");
    }
  }

  @Test
  void create_badPortAndSecurity_namesTheKeyAndValue() {
    Map<String, String> s = Map.of("EMAIL_ENABLED", "true", "SMTP_HOST", "h", "EMAIL_FROM", "a@example.com", "EMAIL_TO", "b@example.com",
        "SMTP_SECURITY", "ssl");
    assertThatThrownBy(() -> Channels.create("email", s)).hasMessage("SMTP_SECURITY is 'ssl'; expected starttls, tls or none.");
    Map<String, String> p = Map.of("EMAIL_ENABLED", "true", "SMTP_HOST", "h", "EMAIL_FROM", "a@example.com", "EMAIL_TO", "b@example.com",
        "SMTP_PORT", "smtp");
    assertThatThrownBy(() -> Channels.create("email", p)).hasMessage("SMTP_PORT is 'smtp'; expected a port number (587 for STARTTLS, 465 for TLS).");
  }

  @Test
  void create_webhookUrlNotAUrl_neverEchoesTheValue() {
    assertThatThrownBy(() -> Channels.create("slack", Map.of("SLACK_WEBHOOK_URL", "hooks.slack.com/services/SECRET")))
        .hasMessage("SLACK_WEBHOOK_URL is not an http(s) URL; set it to the URL the service gave you.");
  }

  @Test
  void failure_fromWhatTheMonitorHas_carriesRunCommitAndKey() {
    WorkflowRun run = new WorkflowRun("octo/app", 42, 2, 7, "CI", ".github/workflows/ci.yml", "deadbeefcafe", "main", "push",
        "octocat", "completed", "failure", "https://github.com/octo/app/actions/runs/42", "Fix it", Instant.EPOCH, Instant.EPOCH);
    Commit commit = new Commit("deadbeefcafe", "monalisa", "Fix it\n\nbody", Instant.EPOCH);

    Notification n = Notification.failure(run, commit, Samples.failure().diagnosis(), 2, "rising", AnalysisCost.NONE, true, false,
        Instant.EPOCH);

    assertThat(n.key("slack")).isEqualTo("slack:octo/app#42.2:failure");
    assertThat(n.fingerprint()).isEqualTo(Samples.FINGERPRINT);
    assertThat(n.commitAuthor()).isEqualTo("monalisa");
    assertThat(n.commitHeadline()).isEqualTo("Fix it");
    assertThat(n.repeat()).isTrue();
    assertThat(Notification.recovery(run, null, Samples.FINGERPRINT, Instant.EPOCH).key("pagerduty"))
        .isEqualTo("pagerduty:octo/app#42.2:recovery");
  }
}
