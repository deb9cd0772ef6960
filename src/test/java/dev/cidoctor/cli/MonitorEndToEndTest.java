package dev.cidoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cidoctor.model.Commit;
import dev.cidoctor.store.LearningStore;
import dev.cidoctor.store.StatsQuery;
import dev.cidoctor.store.jdbc.PatternStores;
import dev.cidoctor.testing.Cli;
import dev.cidoctor.testing.FakeGitHub;
import dev.cidoctor.testing.FakeGitHub.JobSpec;
import dev.cidoctor.testing.FakeGitHub.RunSpec;
import dev.cidoctor.testing.FakeGitHub.StepSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code monitor} and {@code analyze --run-id} end to end: the real client, a real SQLite file, FakeGitHub. */
class MonitorEndToEndTest {
  static final String TOKEN = "ghp_e2eTestToken0123456789abcdefghijklmnop";
  static final String PYTEST = dev.cidoctor.testing.SampleLogs.PYTEST_DB_REFUSED;

  @TempDir Path dir;
  FakeGitHub github;
  long green;
  long red;

  @BeforeEach
  void start() {
    github = FakeGitHub.start().requireToken(TOKEN);
    github.addRepo("octo/app");
    Instant now = Instant.now();
    green = github.addRun("octo/app", new RunSpec("CI", ".github/workflows/ci.yml", "main", "aaaa111", "push", "octocat",
        "Release 1.2", "success", now.minus(Duration.ofMinutes(30)),
        List.of(new JobSpec("test", "success", List.of(new StepSpec("Run pytest -q", "success", "ok\n"))))));
    red = github.addRun("octo/app", new RunSpec("CI", ".github/workflows/ci.yml", "main", "cccc333", "push", "monalisa",
        "Store orders in PostgreSQL", "failure", now.minus(Duration.ofMinutes(10)),
        List.of(new JobSpec("lint", "success", List.of(new StepSpec("Run ruff", "success", "All checks passed!\n"))),
            new JobSpec("test", "failure", List.of(new StepSpec("Run pytest -q", "failure", PYTEST))))));
    github.addFile("octo/app", "cccc333", ".github/workflows/ci.yml", "name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n");
    github.addCompare("octo/app", "aaaa111", "cccc333", List.of(
        new Commit("bbbb222", "monalisa", "Add the orders table", now.minus(Duration.ofMinutes(20))),
        new Commit("cccc333", "monalisa", "Store orders in PostgreSQL", now.minus(Duration.ofMinutes(11)))));
  }

  @AfterEach
  void stop() {
    github.close();
  }

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_API_URL", github.apiUrl());
    env.put("GITHUB_TOKEN", TOKEN);
    env.put("GITHUB_REPO", "octo/app");
    env.put("PATTERN_DB_PATH", dir.resolve("patterns.db").toString());
    env.put("LEARN_FROM_HISTORY", "true");
    env.put("CIDOCTOR_INSTANCE_ID", "e2e");
    return env;
  }

  @Test
  void monitorOnce_failingAndPassingRun_printsBothStoresTheDiagnosisAndTheSecondRunDoesNothingNew() {
    Cli.Result first = Cli.runWithEnv(env(), "monitor", "--once");
    Cli.Result second = Cli.runWithEnv(env(), "monitor", "--once");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("\u2705 Workflow \"CI\" #1 succeeded in octo/app on main")
        .contains("\u274c Workflow \"CI\" #2 failed in octo/app on main (1 of 2 jobs failed)")
        .contains("Root cause (job test): ")
        .contains("declares no postgres service")
        .contains("Checked 1 repo: 2 recent runs, 2 processed, 0 to retry, 0 skipped.");
    assertThat(first.out() + first.err()).doesNotContain(TOKEN);
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).doesNotContain("Workflow \"CI\"").contains("2 recent runs, 0 processed");
    try (LearningStore store = PatternStores.sqlite(dir.resolve("patterns.db"))) {
      assertThat(store.processed("octo/app", green, 1)).isTrue();
      assertThat(store.processed("octo/app", red, 1)).isTrue();
      assertThat(store.stats(new StatsQuery(null, Instant.now().minus(Duration.ofDays(1)), Instant.now().plusSeconds(60), 10))
          .patterns()).hasSize(1);
    }
  }

  @Test
  void analyzeRunId_failedRun_showsJobsDiagnosisAndContext() throws Exception {
    Cli.Result text = Cli.runWithEnv(env(), "analyze", "--run-id", String.valueOf(red));
    Cli.Result json = Cli.runWithEnv(env(), "analyze", "--repo", "octo/app", "--run-id", String.valueOf(red), "--format", "json");

    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).contains("Analyzing Workflow Run #2 of octo/app").contains("lint (SUCCESS)").contains("test (FAILED)")
        .contains("Root Cause:").contains("2 commits since the last green run #1 at aaaa111").contains("Cost: $0.00 | Time:");
    JsonNode j = new ObjectMapper().readTree(json.out());
    assertThat(j.path("schema").asText()).isEqualTo("cidoctor.run/v1");
    assertThat(j.path("jobs")).hasSize(2);
    assertThat(j.path("causes").get(0).path("jobs").get(0).asText()).isEqualTo("test");
    JsonNode diagnosis = j.path("jobs").get(1).path("diagnosis");
    assertThat(diagnosis.path("schema").asText()).isEqualTo("cidoctor.diagnosis/v1");
    assertThat(diagnosis.path("evidence").get(0).path("line").asInt()).isEqualTo(4);
  }

  @Test
  void analyzeRunId_expiredLogs_saySoInOneSentence() {
    long testJob = github.jobIds("octo/app", red, 1).get(1);
    github.logsUnavailable(testJob, 410);

    Cli.Result r = Cli.runWithEnv(env(), "analyze", "--run-id", String.valueOf(red));

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Not analyzed:").contains("The logs of job " + testJob + " in octo/app expired (GitHub keeps them 90 days by default)");
  }

  @Test
  void analyzeRunId_unknownRunOrBadToken_exitSixWithOneSentence() {
    Cli.Result missing = Cli.runWithEnv(env(), "analyze", "--run-id", "999999");
    Map<String, String> bad = env();
    bad.put("GITHUB_TOKEN", "ghp_wrong");
    Cli.Result unauthorized = Cli.runWithEnv(bad, "analyze", "--run-id", String.valueOf(red));

    assertThat(missing.exitCode()).isEqualTo(ExitCode.CI);
    assertThat(missing.err()).startsWith("cidoctor: ").contains("404").doesNotContain("Exception");
    assertThat(unauthorized.exitCode()).isEqualTo(ExitCode.CI);
    assertThat(unauthorized.err()).contains("401").contains("GITHUB_TOKEN").doesNotContain("ghp_wrong");
  }

  @Test
  void analyzeRunId_rulesUnsureAndAModelConfigured_showsTheModelsAnswerAndItsCost() throws Exception {
    String log;
    try (var in = getClass().getResourceAsStream("/dev/cidoctor/llm/integration-failure.log")) {
      log = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    long run = github.addRun("octo/app", new RunSpec("CI", ".github/workflows/ci.yml", "main", "dddd444", "push", "monalisa",
        "Seed orders", "failure", Instant.now().minus(Duration.ofMinutes(2)),
        List.of(new JobSpec("integration", "failure", List.of(new StepSpec("Run ./integration.sh", "failure", log))))));
    try (dev.cidoctor.testing.ScriptedLlm llm = dev.cidoctor.testing.ScriptedLlm.openAi()) {
      llm.answer("""
          {"root_cause": "Three seeded orders reference products missing from the catalogue.", "category": "test_failure",
           "severity": "medium", "suggestion": "Add the products to fixtures/catalogue.csv.", "confidence": 0.8, "transient": false,
           "evidence": [{"line": 20, "quote": "MISMATCH"}]}""", 2000, 120);
      Map<String, String> env = env();
      env.put("OPENAI_API_KEY", "sk-e2e-test-key");
      env.put("OPENAI_BASE_URL", llm.baseUrl());
      env.put("LLM_CACHE_DIR", dir.resolve("answers").toString());

      Cli.Result r = Cli.runWithEnv(env, "analyze", "--run-id", String.valueOf(run));

      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("Three seeded orders reference products missing from the catalogue.")
          .contains("Cost: $0.0004").contains("Tokens: 2000 in, 120 out");
      assertThat(r.out() + r.err()).doesNotContain("sk-e2e-test-key");
    }
  }

  @Test
  void monitorOnce_everyRepoBroken_reportsEachAndExitsSix() {
    Map<String, String> env = env();
    env.put("GITHUB_REPO", "octo/app,octo/gone");

    Cli.Result r = Cli.runWithEnv(env, "monitor", "--once");
    env.put("GITHUB_REPO", "octo/gone");
    Cli.Result allBroken = Cli.runWithEnv(env, "monitor", "--once");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Skipping octo/gone this cycle: ").contains("Workflow \"CI\" #2 failed");
    assertThat(allBroken.exitCode()).isEqualTo(ExitCode.CI);
  }
}
