package dev.cidoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.cidoctor.analysis.Analyzer;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.report.JsonReport;
import dev.cidoctor.report.TextReport;
import dev.cidoctor.testing.Cli;
import dev.cidoctor.testing.ScriptedLlm;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze --llm}: when the model is asked, what the reports add, and the errors a user can make. */
class LlmOptionTest {
  private static final String ANSWER = """
      {"root_cause": "Three seeded orders reference products missing from the catalogue.", "category": "test_failure",
       "severity": "medium", "suggestion": "Add the products to fixtures/catalogue.csv.", "confidence": 0.8, "transient": false,
       "evidence": [{"line": 20, "quote": "MISMATCH"}]}""";

  @TempDir Path dir;
  Path log;
  Path confident;

  @BeforeEach
  void copyFixtures() throws IOException {
    log = copy("/dev/cidoctor/llm/integration-failure.log", "integration-failure.log");
    confident = Path.of("examples/github-actions-pytest-failure.log");
  }

  private Path copy(String resource, String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      return Files.write(dir.resolve(name), in.readAllBytes());
    }
  }

  private Map<String, String> config(ScriptedLlm llm) {
    Map<String, String> c = new HashMap<>();
    c.put("OPENAI_API_KEY", "sk-cli-test-key");
    c.put("OPENAI_BASE_URL", llm.baseUrl());
    c.put("LLM_CACHE_DIR", dir.resolve("cache").toString());
    return c;
  }

  private static List<Diagnosis> rules(Path p) {
    return AnalyzeCommand.analyzeAll(Analyzer.withRules(List.of()), p.toString());
  }

  @Test
  void apply_autoAndUnsureRules_asksTheModelAndReportsModelTokensAndCost() {
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.answer(ANSWER, 2000, 120);
      StringWriter err = new StringWriter();

      LlmStep.Result r = LlmStep.apply(LlmStep.Mode.auto, config(llm), log.toString(), rules(log), new PrintWriter(err, true));

      assertThat(err.toString()).isEmpty();
      String json = JsonReport.render(r.jobs(), false, r.model(), r.cost());
      assertThat(json).contains("\"summary\":\"Three seeded orders reference products missing from the catalogue.\"")
          .contains("\"model\":\"gpt-4o-mini-2024-07-18\",\"tokens\":{\"input\":2000,\"output\":120},\"cost\":0.000372,\"cached\":false");
      String text = new TextReport(false, false).render(r.jobs(), r.model(), r.cost());
      assertThat(text).contains("Model: gpt-4o-mini-2024-07-18 | Tokens: 2000 in, 120 out\n").containsPattern("Cost: \\$0\\.0004 \\| Time: \\d+\\.\\ds\n");
    }
  }

  @Test
  void verboseText_llmInvestigation_showsTheRealThoughtActionObservationTrace() {
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.toolCall("Find the mismatches.", "search_log", "{\"pattern\":\"MISMATCH\"}", 1000, 20).answer(ANSWER, 1200, 100);

      LlmStep.Result r = LlmStep.apply(LlmStep.Mode.always, config(llm), log.toString(), rules(log), new PrintWriter(new StringWriter()));

      String text = new TextReport(false, true).render(r.jobs(), r.model(), r.cost());
      assertThat(text).contains("Thought: Find the mismatches.\n   Action: search_log({\"pattern\":\"MISMATCH\"})\n"
          + "   Observation: 20: checking invariant every_order_has_products ... MISMATCH\n\n");
      assertThat(text).contains("Thought: Root cause found.\n   Answer: Three seeded orders reference products missing from the catalogue.");
    }
  }

  @Test
  void apply_sameFailureTwice_secondRunIsServedByTheFileCache() {
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.answer(ANSWER, 2000, 120);
      LlmStep.apply(LlmStep.Mode.always, config(llm), log.toString(), rules(log), new PrintWriter(new StringWriter()));

      LlmStep.Result again = LlmStep.apply(LlmStep.Mode.always, config(llm), log.toString(), rules(log), new PrintWriter(new StringWriter()));

      assertThat(llm.requests()).hasSize(1);
      assertThat(again.cost().dollars()).isZero();
      assertThat(again.cached()).isTrue();
      assertThat(new TextReport(false, false).render(again.jobs(), again.model(), again.cost(), again.cached()))
          .contains("Model: gpt-4o-mini-2024-07-18 | Tokens: 0 in, 0 out\n")
          .containsPattern("Cost: \\$0\\.00 \\(cached answer, no cost\\) \\| Time: \\d+\\.\\ds\n");
      assertThat(JsonReport.render(again.jobs(), false, again.model(), again.cost(), again.cached()))
          .contains("\"tokens\":{\"input\":0,\"output\":0},\"cost\":0.0,\"cached\":true");
      assertThat(again.jobs().get(0).summary()).isEqualTo("Three seeded orders reference products missing from the catalogue.");
    }
  }

  @Test
  void analyze_stdinWithLlmAlways_asksTheModelAndDeletesTheSpooledCopy() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    java.util.Set<Path> before = spooled(tmp);
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.toolCall("Find the mismatches.", "search_log", "{\"pattern\":\"MISMATCH\"}", 1000, 20).answer(ANSWER, 1200, 100);

      Cli.Result r = Cli.runWithStdinAndEnv(Files.readAllBytes(log), config(llm), "analyze", "-", "--llm", "always",
          "--no-history", "--format", "json");

      assertThat(r.err()).isEmpty();
      assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(llm.requests()).hasSize(2);
      var o = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
      assertThat(o.get("input").asText()).isEqualTo("-");
      assertThat(o.get("summary").asText()).isEqualTo("Three seeded orders reference products missing from the catalogue.");
      assertThat(o.get("model").asText()).isEqualTo("gpt-4o-mini-2024-07-18");
      // the tool read the log a second time, from the spooled copy
      assertThat(llm.requests().get(1).toString()).contains("every_order_has_products ... MISMATCH");
    }
    assertThat(spooled(tmp)).isSubsetOf(before);
  }

  @Test
  void analyze_stdinWithLlmOff_spoolsNothing() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    java.util.Set<Path> before = spooled(tmp);
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      Cli.Result r = Cli.runWithStdinAndEnv(Files.readAllBytes(log), config(llm), "analyze", "-", "--llm", "off", "--no-history");

      assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(llm.requests()).isEmpty();
    }
    assertThat(spooled(tmp)).isSubsetOf(before);
  }

  private static java.util.Set<Path> spooled(Path tmp) throws IOException {
    try (var s = Files.list(tmp)) {
      return s.filter(p -> p.getFileName().toString().startsWith("cidoctor-stdin-")).collect(java.util.stream.Collectors.toSet());
    }
  }

  @Test
  void apply_autoAndConfidentRules_doesNotAsk() {
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      List<Diagnosis> jobs = rules(confident);
      LlmStep.Result r = LlmStep.apply(LlmStep.Mode.auto, config(llm), confident.toString(), jobs, new PrintWriter(new StringWriter()));
      assertThat(r.jobs()).isEqualTo(jobs);
      assertThat(r.model()).isNull();
      assertThat(llm.requests()).isEmpty();
    }
  }

  @Test
  void apply_autoAndAJobThatSucceeded_doesNotAsk() {
    Path zip = Path.of("examples/github-run-logs.zip");
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      LlmStep.Result r = LlmStep.apply(LlmStep.Mode.auto, config(llm), zip.toString(), rules(zip), new PrintWriter(new StringWriter()));
      assertThat(r.model()).isNull();
      assertThat(llm.requests()).isEmpty();
    }
  }

  @Test
  void apply_alwaysOnARunLogsZip_readsTheReportedJobsEntry() {
    Path zip = Path.of("examples/github-run-logs.zip");
    String answer = "{\"root_cause\": \"Nothing failed in job build.\", \"category\": \"unknown\", \"severity\": \"low\","
        + " \"suggestion\": \"Look at the other jobs of the run.\", \"confidence\": 0.9, \"transient\": false,"
        + " \"evidence\": [{\"line\": 1, \"quote\": \"##[section]Starting: Prepare job build\"}]}";
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.answer(answer, 500, 50);
      StringWriter err = new StringWriter();

      LlmStep.Result r = LlmStep.apply(LlmStep.Mode.always, config(llm), zip.toString(), rules(zip), new PrintWriter(err, true));

      assertThat(err.toString()).isEmpty();
      assertThat(r.jobs().get(0).primary().text()).isEqualTo("##[section]Starting: Prepare job build");
      assertThat(r.jobs().get(0).job()).isEqualTo("build");
    }
  }

  @Test
  void apply_modelFails_keepsTheRulesAndSaysWhyInOneLine() {
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.status(500).status(500).status(500);
      Map<String, String> c = config(llm);
      c.put("LLM_RETRIES", "0");
      StringWriter err = new StringWriter();
      List<Diagnosis> jobs = rules(log);

      LlmStep.Result r = LlmStep.apply(LlmStep.Mode.always, c, log.toString(), jobs, new PrintWriter(err, true));

      assertThat(err.toString()).isEqualTo("cidoctor: the LLM's answer was not used (the model failed: openai (gpt-4o-mini) had a server error"
          + " (tried 1 times)); showing the rules' diagnosis.\n");
      assertThat(r.jobs().get(0).summary()).isEqualTo(jobs.get(0).summary());
    }
  }

  @Test
  void analyze_llmAlwaysWithoutAModel_exitsWithAConfigError() {
    assumeThat(System.getenv("OPENAI_API_KEY")).isNull();
    assumeThat(System.getenv("OPENAI_BASE_URL")).isNull();
    assumeThat(System.getenv("ANTHROPIC_API_KEY")).isNull();
    assumeThat(System.getenv("OLLAMA_BASE_URL")).isNull();
    assumeThat(Files.exists(Path.of(".env"))).isFalse();

    Cli.Result r = Cli.run("analyze", "--llm", "always", log.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.CONFIG);
    assertThat(r.err()).isEqualTo("cidoctor: --llm always needs a model: set OPENAI_API_KEY (or OPENAI_BASE_URL), ANTHROPIC_API_KEY or OLLAMA_BASE_URL.\n");
  }

  @Test
  void analyze_llmUnknownMode_isAUsageError() {
    Cli.Result r = Cli.run("analyze", "--llm", "sometimes", log.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--llm").contains("auto, always, off");
  }

  @Test
  void analyze_llmOff_printsNoModelOrCost() {
    Cli.Result r = Cli.run("analyze", "--llm", "off", "--format", "json", log.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).doesNotContain("\"model\"").doesNotContain("\"cost\"");
  }
}
