package dev.cidoctor.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cidoctor.config.Config;
import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.notify.Channels;
import dev.cidoctor.notify.Dispatcher;
import dev.cidoctor.notify.InMemoryOutbox;
import dev.cidoctor.notify.Notifier;
import dev.cidoctor.notify.Router;
import dev.cidoctor.notify.Routing;
import dev.cidoctor.store.PatternStore;
import dev.cidoctor.store.LearningStore;
import dev.cidoctor.store.jdbc.PatternStores;
import dev.cidoctor.testing.CaptureServer;
import dev.cidoctor.testing.InMemoryCi;
import dev.cidoctor.testing.InMemoryPatternStore;
import dev.cidoctor.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Slack and Discord really receive for a failure the monitor found: mentions, escaping and the seed's content. */
class NotifyingListenerSlackTest {
  static final String HOSTILE_LOG = """
      2026-11-20T10:00:01.0000000Z ##[group]Run pytest -q
      2026-11-20T10:00:01.0000000Z pytest -q
      2026-11-20T10:00:01.0000000Z ##[endgroup]
      2026-11-20T10:00:05.0000000Z FAILED tests/test_db.py::test_insert - psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused <!channel> @here <https://evil.example|login>
      2026-11-20T10:00:05.0000000Z ========================= 1 failed, 12 passed in 3.10s =========================
      2026-11-20T10:00:05.0000000Z ##[error]Process completed with exit code 1.
      """;
  static final ObjectMapper JSON = new ObjectMapper();
  static final Routing MENTIONS = new Routing(Routing.defaults().policy(), List.of(), List.of(),
      Map.of("octocat", Map.of("slack", "U024BE7LH", "discord", "80351110224678912")));

  final MutableClock clock = new MutableClock(MonitorTest.T0.plus(Duration.ofHours(1)));
  final InMemoryCi ci = new InMemoryCi();
  final CaptureServer slackServer = new CaptureServer();
  final CaptureServer discordServer = new CaptureServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    slackServer.close();
    discordServer.close();
  }

  Monitor monitor(PatternStore store, RunAnalyzer.JobDiagnoser diagnoser) {
    MonitorSettings settings = MonitorSettings.from(new Config(List.of(), Map.of("GITHUB_REPO", "octo/app")), true);
    RunAnalyzer analyzer = new RunAnalyzer(ci, MonitorTest.ANALYZER, diagnoser, 1 << 20, clock);
    Map<String, String> env = Map.of("SLACK_WEBHOOK_URL", slackServer.uri("/services/T0/B0/x").toString(),
        "DISCORD_WEBHOOK_URL", discordServer.uri("/api/webhooks/1/x").toString());
    Map<String, Notifier> notifiers = Map.of("slack", Channels.create("slack", env), "discord", Channels.create("discord", env));
    InMemoryOutbox outbox = new InMemoryOutbox();
    NotifyingListener notify = new NotifyingListener(store, new Router(MENTIONS), List.of("slack", "discord"), outbox,
        Dispatcher.standard(outbox, notifiers, "test"), clock);
    return new Monitor(ci, store, analyzer, settings, List.of(notify), clock, "test");
  }

  /** A passing run, then a failing one whose head commit octocat wrote with a hostile message. */
  void greenThenRed(long green, long red, String sha) {
    ci.commit("good" + green, "octocat", "Green");
    ci.commit(sha, "octocat", "Fix <!channel> @here @everyone <https://evil.example|click> *bold*\n\nbody");
    ci.run("octo/app", green, 1, "success", "good" + green, MonitorTest.T0.plusSeconds(green), Map.of(), "test");
    ci.run("octo/app", red, 1, "failure", sha, MonitorTest.T0.plusSeconds(red), Map.of("test", HOSTILE_LOG));
  }

  @Test
  void processed_failureByAMappedLogin_slackMentionsTheUserAndNothingHostileCanPing() throws Exception {
    greenThenRed(100, 101, "bad1111");

    monitor(new InMemoryPatternStore(), RunAnalyzer.JobDiagnoser.RULES_ONLY).pollOnce();

    assertThat(slackServer.requests).hasSize(1);
    String slack = slackServer.last().body();
    assertThat(slack).contains("<@U024BE7LH> your commit is in this run.");
    JsonNode msg = JSON.readTree(slack);
    String visible = msg.toString();
    assertThat(visible).doesNotContain("<!channel>").doesNotContain("<!here>").doesNotContain("<https://evil.example")
        .doesNotContainPattern("(?<![\\w&;])@here").doesNotContainPattern("(?<![\\w&;])@everyone");
    assertThat(visible.replace("<@U024BE7LH>", "")).doesNotContain("<@").doesNotContain("<!");

    assertThat(discordServer.requests).hasSize(1);
    JsonNode discord = JSON.readTree(discordServer.last().body());
    assertThat(discord.get("content").asText()).contains("<@80351110224678912>");
    assertThat(discord.at("/allowed_mentions/users").toString()).isEqualTo("[\"80351110224678912\"]");
    assertThat(discord.toString()).doesNotContainPattern("(?<![\\w\\\\])@here").doesNotContainPattern("(?<![\\w\\\\])@everyone");
  }

  @Test
  void processed_unmappedLogin_mentionsNobody() {
    ci.commit("good100", "octocat", "Green");
    ci.commit("bad1111", "hubot", "Break it");
    ci.run("octo/app", 100, 1, "success", "good100", MonitorTest.T0.plusSeconds(100), Map.of(), "test");
    ci.run("octo/app", 101, 1, "failure", "bad1111", MonitorTest.T0.plusSeconds(101), Map.of("test", HOSTILE_LOG));

    monitor(new InMemoryPatternStore(), RunAnalyzer.JobDiagnoser.RULES_ONLY).pollOnce();

    assertThat(slackServer.last().body()).doesNotContain("<@").contains("by hubot");
  }

  @Test
  void processed_recurringFailureWithAModel_slackCarriesTheSeedsContent() throws Exception {
    RunAnalyzer.JobDiagnoser model = (run, job, log, rules) -> new RunAnalyzer.JobDiagnoser.Refined(
        new dev.cidoctor.model.Diagnosis(rules.input(), rules.job(), rules.category(), rules.severity(), rules.transientFailure(),
            "PostgreSQL is not running in the job, so the test cannot connect to localhost:5432.",
            "Start PostgreSQL as a service container:\n```yaml\nservices:\n  postgres:\n    image: postgres:16\n    ports: [\"5432:5432\"]\n```",
            rules.ruleId(), rules.confidence(), rules.evidence(), rules.failedStep(), rules.failedTests(), rules.fingerprint(),
            rules.trace()),
        new AnalysisCost(0.000372, 2000, 120, 1500));
    try (LearningStore store = PatternStores.sqlite(dir.resolve("patterns.db"))) {
      Monitor m = monitor(store, model);
      greenThenRed(100, 101, "bad1111");
      m.pollOnce();
      clock.advance(Duration.ofMinutes(10));
      greenThenRed(102, 103, "bad2222");
      m.pollOnce();
    }

    assertThat(slackServer.requests).hasSize(3); // failure, recovery, failure again
    JsonNode msg = JSON.readTree(slackServer.last().body());
    String all = msg.toString();
    assertThat(msg.at("/blocks/0/text/text").asText()).isEqualTo("🔴 CI #103 failed");
    assertThat(all).contains("🤖 Root cause: PostgreSQL is not running in the job, so the test cannot connect to localhost:5432.")
        .contains("*💡 Suggested fix*")
        .contains("Start PostgreSQL as a service container:")
        .contains("```services:\\n  postgres:\\n    image: postgres:16")
        .contains("📊 Seen 1 time before · 1 time in the past week")
        .contains("*Severity*\\n" + "HIGH")
        .contains("\"url\":\"https://github.com/octo/app/actions/runs/103\"")
        .contains("💰 Cost: $0.0004 (2000+120 tokens) · 0.0s"); // wall time by the monitor's clock, fixed here
  }
}
