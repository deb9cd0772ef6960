package dev.cidoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cidoctor.api.CicdMonitor;
import dev.cidoctor.api.RunResult;
import dev.cidoctor.monitor.WebhookIntake;
import dev.cidoctor.testing.FakeGitHub;
import dev.cidoctor.testing.FakeGitHub.JobSpec;
import dev.cidoctor.testing.FakeGitHub.RunSpec;
import dev.cidoctor.testing.FakeGitHub.StepSpec;
import dev.cidoctor.testing.Resources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook path and the public Java API end to end, against FakeGitHub and a real SQLite store. */
class ServeEndToEndTest {
  static final String SECRET = "It's a Secret to Everybody";

  @TempDir Path dir;

  @Test
  void webhook_completedFailedRun_isAnalyzedAndRecordedOnce_andTheJavaApiAnswersForIt() throws Exception {
    try (FakeGitHub github = FakeGitHub.start().requireToken(MonitorEndToEndTest.TOKEN)) {
      github.addRepo("octo/app");
      long id = github.addRun("octo/app", new RunSpec("CI", ".github/workflows/ci.yml", "main", "cccc333", "push", "monalisa",
          "Store orders", "failure", Instant.now().minus(Duration.ofMinutes(5)),
          List.of(new JobSpec("test", "failure", List.of(new StepSpec("Run pytest -q", "failure", MonitorEndToEndTest.PYTEST))))));
      StringWriter printed = new StringWriter();
      try (CicdMonitor monitor = CicdMonitor.builder().githubToken(MonitorEndToEndTest.TOKEN).repo("octo/app")
          .apiUrl(github.apiUrl()).patternDbPath(dir.resolve("patterns.db")).printTo(new PrintWriter(printed)).build();
          WebhookIntake intake = new WebhookIntake(new InetSocketAddress("127.0.0.1", 0), Wiring.webhookCodec(SECRET),
              monitor.store(), run -> monitor.monitor().process(run), Clock.systemUTC())) {
        intake.start();
        ObjectNode payload = (ObjectNode) new ObjectMapper().readTree(Resources.bytes("github-webhooks/workflow_run.completed.json"));
        ObjectNode run = (ObjectNode) payload.get("workflow_run");
        run.put("id", id).put("run_attempt", 1).put("run_number", 1).put("conclusion", "failure").put("status", "completed")
            .put("head_sha", "cccc333").put("head_branch", "main").put("path", ".github/workflows/ci.yml").put("name", "CI")
            .put("created_at", Instant.now().minus(Duration.ofMinutes(5)).toString());
        ((ObjectNode) run.get("repository")).put("full_name", "octo/app");
        ((ObjectNode) payload.get("repository")).put("full_name", "octo/app");
        byte[] body = new ObjectMapper().writeValueAsBytes(payload);
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + intake.address().getPort() + "/webhook");
        for (String delivery : List.of("d-1", "d-1", "d-2")) { // a redelivery, then a second delivery of the same run
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("X-GitHub-Event", "workflow_run")
              .header("X-GitHub-Delivery", delivery).header("X-Hub-Signature-256", dev.cidoctor.testing.WebhookSignatures.sign(SECRET, body))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).isIn(200, 202);
        }
        for (int i = 0; i < 200 && !monitor.store().processed("octo/app", id, 1); i++) {
          Thread.sleep(25);
        }
        Thread.sleep(200);

        assertThat(monitor.store().processed("octo/app", id, 1)).isTrue();
        assertThat(printed.toString().split("Workflow \"CI\" #1 failed", -1)).as(printed.toString()).hasSize(2);

        RunResult result = monitor.analyzeWorkflowRun(id);
        assertThat(result.rootCause()).isNotBlank();
        assertThat(result.suggestion()).isNotBlank();
        assertThat(result.cost()).isZero();
      }
    }
  }

  @Test
  void serve_withoutWebhookSecret_refusesToStart() {
    dev.cidoctor.testing.Cli.Result r = dev.cidoctor.testing.Cli.runWithEnv(java.util.Map.of("GITHUB_REPO", "octo/app"), "serve", "--port", "0");

    assertThat(r.exitCode()).isEqualTo(ExitCode.CONFIG);
    assertThat(r.err()).isEqualTo("cidoctor: GITHUB_WEBHOOK_SECRET is not set: serve refuses unsigned webhooks; "
        + "set it to the secret of the GitHub webhook.\n");
  }
}
