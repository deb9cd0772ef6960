package dev.cidoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cidoctor.testing.CaptureServer;
import dev.cidoctor.testing.Cli;
import dev.cidoctor.testing.FakeGitHubIssues;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyCommandTest {
  @TempDir Path dir;

  private String env(String... lines) throws Exception {
    Path f = dir.resolve("test.env");
    Files.writeString(f, String.join("\n", lines) + "\n");
    return f.toString();
  }

  @Test
  void test_slackConfigured_sendsTheSampleAndSaysSo() throws Exception {
    try (CaptureServer slack = new CaptureServer()) {
      Cli.Result r = Cli.run("notify", "test", "slack", "--env-file", env("SLACK_WEBHOOK_URL=" + slack.uri("/services/T/B/secret")));

      assertThat(r.exitCode()).isEqualTo(0);
      assertThat(r.out()).isEqualTo("Sent a test notification to slack.\n");
      JsonNode body = new ObjectMapper().readTree(slack.last().body());
      assertThat(body.path("blocks").get(0).path("text").path("text").asText()).isEqualTo("🔴 cidoctor test #1 failed");
    }
  }

  @Test
  void test_channelNotConfigured_exits5NamingTheKey() throws Exception {
    Cli.Result r = Cli.run("notify", "test", "discord", "--env-file", env("# nothing"));

    assertThat(r.exitCode()).isEqualTo(5);
    assertThat(r.err()).isEqualTo("cidoctor: discord is not configured: set DISCORD_WEBHOOK_URL.\n");
  }

  @Test
  void test_serviceRefuses_exits6WithoutPrintingTheWebhookUrl() throws Exception {
    try (CaptureServer discord = new CaptureServer().answer(401, "{\"message\": \"Invalid Webhook Token\", \"code\": 50027}")) {
      String url = discord.uri("/api/webhooks/123/SECRET-TOKEN").toString();
      Cli.Result r = Cli.run("notify", "test", "discord", "--env-file", env("DISCORD_WEBHOOK_URL=" + url));

      assertThat(r.exitCode()).isEqualTo(ExitCode.DELIVERY);
      assertThat(r.err()).isEqualTo("cidoctor: Cannot deliver to discord: Discord answered 401 ({\"message\": \"Invalid Webhook Token\", \"code\": 50027}).\n");
      assertThat(r.out() + r.err()).doesNotContain("SECRET-TOKEN");
    }
  }

  @Test
  void test_unreachable_exits6() throws Exception {
    Cli.Result r = Cli.run("notify", "test", "webhook", "--env-file", env("NOTIFY_WEBHOOK_URL=http://127.0.0.1:1/hook"));

    assertThat(r.exitCode()).isEqualTo(ExitCode.DELIVERY);
    assertThat(r.err()).isEqualTo("cidoctor: Cannot deliver to webhook: the webhook could not be reached (ConnectException).\n");
  }

  @Test
  void test_unknownChannel_isAUsageError() {
    Cli.Result r = Cli.run("notify", "test", "teams");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("cidoctor: There is no channel 'teams'; the channels are slack, discord, email, github, pagerduty, opsgenie, webhook.\n");
  }

  @Test
  void test_github_opensAndClosesATestIssue() throws Exception {
    try (FakeGitHubIssues github = new FakeGitHubIssues("t0ken")) {
      Cli.Result r = Cli.run("notify", "test", "github", "--repo", "octo/app", "--env-file",
          env("GITHUB_CREATE_ISSUES=true", "GITHUB_TOKEN=t0ken", "GITHUB_API_URL=" + github.uri()));

      assertThat(r.err()).isEmpty();
      assertThat(r.out()).isEqualTo("Sent a test notification to github and resolved it again.\n");
      assertThat(github.issues("octo/app")).hasSize(1);
      assertThat(github.issues("octo/app").get(0).path("state").asText()).isEqualTo("closed");
    }
  }

  @Test
  void check_invalidSettingsAndRouting_exits5ListingEveryProblem() throws Exception {
    Path routing = dir.resolve("routing.yaml");
    Files.writeString(routing, "routes:\n  - channels: [teams]\n");
    Cli.Result bad = Cli.run("notify", "check", "--env-file", env("SLACK_WEBHOOK_URL=not a url", "EMAIL_ENABLED=true", "SMTP_HOST=mail"));

    assertThat(bad.exitCode()).isEqualTo(5);
    assertThat(bad.err()).isEqualTo("""
        cidoctor: The notification settings have 2 problems:
          SLACK_WEBHOOK_URL is not an http(s) URL; set it to the URL the service gave you.
          EMAIL_ENABLED is on but EMAIL_FROM, EMAIL_TO are not set.
        """);
    Cli.Result badRouting = Cli.run("notify", "check", "--env-file", env("NOTIFY_CONFIG=" + routing));
    assertThat(badRouting.exitCode()).isEqualTo(5);
    assertThat(badRouting.err()).startsWith("cidoctor: The routing file " + routing + " has 1 problem:\n  " + routing
        + ": routes[0].channels: 'teams' is not a channel");
  }
}
