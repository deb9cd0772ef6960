package dev.cidoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cidoctor.testing.Cli;
import dev.cidoctor.testing.ScriptedLlm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze --history} records and recalls; {@code patterns} shows what the store learned. */
class PatternsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOG = AnalyzeCommandTest.HTTP_STATUS;

  @TempDir Path dir;

  private String db() {
    return dir.resolve("store/patterns.db").toString();
  }

  @Test
  void analyze_sameFailureInTwoFiles_showsTheFirstOccurrenceThenTheSimilarOne() throws Exception {
    Path copy = dir.resolve("again.log");
    Files.copy(Path.of(LOG), copy);
    String today = LocalDate.now(ZoneOffset.UTC).toString();

    Cli.Result first = Cli.run("analyze", LOG, "--history", "--db", db());
    Cli.Result again = Cli.run("analyze", LOG, "--history", "--db", db()); // the same file: updated, not counted twice
    Cli.Result second = Cli.run("analyze", copy.toString(), "--history", "--db", db());

    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).contains("Rule: python.assert.http-status").endsWith(
        "History (pattern python.assert.http-status):\n  First occurrence of this failure.\n\n");
    assertThat(again.out()).endsWith("  First occurrence of this failure.\n\n");
    assertThat(second.out()).endsWith("History (pattern python.assert.http-status):\n"
        + "  Similar failures: once in the past week, once in all since " + today + ".\n\n");
  }

  @Test
  void analyze_jsonlWithTwoInputs_recordsEachLikeASingleAnalyze() throws Exception {
    Cli.Result r = Cli.run("analyze", "--format", "jsonl", "--history", "--db", db(), LOG, AnalyzeCommandTest.PYTEST);
    Cli.Result again = Cli.run("analyze", "--format", "jsonl", "--history", "--db", db(), LOG); // the same file: updated

    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines()).hasSize(2);
    assertThat(again.out().lines()).hasSize(1);
    JsonNode stats = JSON.readTree(Cli.run("patterns", "--stats", "--db", db(), "--format", "json").out());
    assertThat(stats.get("failures").asLong()).isEqualTo(2);
    assertThat(stats.get("patterns")).extracting(p -> p.get("name").asText() + "=" + p.get("occurrences").asLong())
        .contains("python.assert.http-status=1").hasSize(2);
  }

  @Test
  void analyze_jsonlWithoutHistory_createsNoStore() {
    Cli.Result r = Cli.run("analyze", "--format", "jsonl", "--no-history", "--db", db(), LOG, AnalyzeCommandTest.PYTEST);

    assertThat(r.out().lines()).hasSize(2);
    assertThat(dir.resolve("store")).doesNotExist();
  }

  @Test
  void analyze_noHistory_printsOnlyTheDiagnosisAndCreatesNoStore() {
    Cli.Result r = Cli.run("analyze", LOG, "--no-history", "--db", db());

    assertThat(r.out()).doesNotContain("History");
    assertThat(dir.resolve("store")).doesNotExist();
  }

  @Test
  void patternsStats_json_listsPatternsWithTheContractFields() throws Exception {
    Cli.run("analyze", LOG, "--history", "--db", db());
    Cli.run("analyze", AnalyzeCommandTest.PYTEST, "--history", "--db", db());

    Cli.Result r = Cli.run("patterns", "--stats", "--db", db(), "--format", "json");

    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    JsonNode o = JSON.readTree(r.out());
    assertThat(o.get("failures").asLong()).isEqualTo(2);
    assertThat(o.get("patterns")).hasSize(2);
    JsonNode p = o.get("patterns").get(0);
    assertThat(p.fieldNames()).toIterable().contains("name", "fingerprint", "occurrences", "firstSeen", "lastSeen", "repos");
    assertThat(p.get("occurrences").asLong()).isEqualTo(1);
    assertThat(p.get("repos")).extracting(JsonNode::asText).containsExactly("local");
    assertThat(Instant.parse(p.get("firstSeen").asText())).isBeforeOrEqualTo(Instant.now());
    assertThat(o.get("llmSpend").get("dollars").asDouble()).isZero();
    assertThat(o.get("workflows").get(0).get("failureRate").asDouble()).isEqualTo(1.0);
  }

  @Test
  void patternsStats_afterAnAnalysisTheModelAnswered_countsItsCostInTheMonthsSpend() throws Exception {
    Path log = dir.resolve("integration-failure.log");
    try (var in = getClass().getResourceAsStream("/dev/cidoctor/llm/integration-failure.log")) {
      Files.write(log, in.readAllBytes());
    }
    try (ScriptedLlm llm = ScriptedLlm.openAi()) {
      llm.answer("""
          {"root_cause": "Three seeded orders reference products missing from the catalogue.", "category": "test_failure",
           "severity": "medium", "suggestion": "Add the products to fixtures/catalogue.csv.", "confidence": 0.8, "transient": false,
           "evidence": [{"line": 20, "quote": "MISMATCH"}]}""", 2000, 120);
      Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-cli-test-key", "OPENAI_BASE_URL", llm.baseUrl(),
          "LLM_CACHE_DIR", dir.resolve("cache").toString());

      Cli.Result analyzed = Cli.runWithEnv(env, "analyze", "--llm", "always", "--history", "--db", db(), log.toString());
      Cli.Result r = Cli.runWithEnv(env, "patterns", "--stats", "--db", db(), "--format", "json");

      assertThat(analyzed.err()).isEmpty();
      assertThat(llm.requests()).hasSize(1);
      JsonNode spend = JSON.readTree(r.out()).get("llmSpend");
      assertThat(spend.get("month").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString().substring(0, 7));
      assertThat(spend.get("dollars").asDouble()).isEqualTo(0.0004); // 3.72E-4, rounded to a hundredth of a cent
      assertThat(spend.get("inputTokens").asLong()).isEqualTo(2000);
      assertThat(spend.get("outputTokens").asLong()).isEqualTo(120);
      assertThat(spend.get("analyses").asLong()).isEqualTo(1);
    }
  }

  @Test
  void patternsStats_text_printsReadableTables() {
    Cli.run("analyze", LOG, "--history", "--db", db());

    Cli.Result r = Cli.run("patterns", "--db", db());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Pattern store: 1 failure since ")
        .contains("Top patterns:\n  NAME                       COUNT  FIRST SEEN", "  python.assert.http-status  1      ")
        .contains("Categories:\n  CATEGORY      FAILURES  SHARE\n  test_failure  1         100.0%\n")
        .contains("Mean time to recovery: - (0 fixed failures)", "LLM spend in ");
  }

  @Test
  void patternsPattern_byName_showsItsHistory() {
    Cli.run("analyze", LOG, "--history", "--db", db());

    Cli.Result r = Cli.run("patterns", "--pattern", "python.assert.http-status", "--db", db());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Pattern python.assert.http-status (sha256:").contains("  Repos: local\n", "Recent occurrences:");
  }

  @Test
  void patternsPattern_unknown_exitsWithInputErrorAndAHint() {
    Cli.Result r = Cli.run("patterns", "--pattern", "no-such", "--db", db());

    assertThat(r.exitCode()).isEqualTo(ExitCode.INPUT);
    assertThat(r.err()).isEqualTo("cidoctor: No pattern is named 'no-such' or has a fingerprint starting so; "
        + "'cidoctor patterns --stats' lists them.\n");
  }

  @Test
  void patterns_badSince_isAUsageError() {
    Cli.Result r = Cli.run("patterns", "--since", "yesterday", "--db", db());

    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).isEqualTo("cidoctor: --since takes 24h, 7d, 4w or a date such as 2026-11-01, not 'yesterday'.\n");
  }

  @Test
  void patterns_corruptStore_exitsWithTheStoreCodeAndOneSentence() throws Exception {
    Files.createDirectories(dir.resolve("store"));
    Files.writeString(Path.of(db()), "not a database ".repeat(100));

    Cli.Result r = Cli.run("patterns", "--stats", "--db", db());

    assertThat(r.exitCode()).isEqualTo(ExitCode.STORE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("cidoctor: The pattern store " + db() + " is not a readable SQLite database (corrupt or another "
        + "kind of file); move it aside (cidoctor then starts a new one) or set PATTERN_DB_PATH to another file.\n");
  }

  @Test
  void analyze_corruptStore_stillPrintsTheDiagnosisThenSaysHowToGoWithout() throws Exception {
    Files.createDirectories(dir.resolve("store"));
    Files.writeString(Path.of(db()), "not a database ".repeat(100));

    Cli.Result r = Cli.run("analyze", LOG, "--history", "--db", db());

    assertThat(r.exitCode()).isEqualTo(ExitCode.STORE);
    assertThat(r.out()).contains("Root Cause:").doesNotContain("History");
    assertThat(r.err()).startsWith("cidoctor: The pattern store ").endsWith(
        " (Set LEARN_FROM_HISTORY=false or pass --no-history to analyze without it.)\n");
    assertThat(Files.readString(Path.of(db()))).startsWith("not a database");
  }

  @Test
  void since_relativeAndDate_parse() {
    Instant now = Instant.parse("2026-11-28T12:00:00Z");
    assertThat(PatternsCommand.since("24h", now)).isEqualTo(Instant.parse("2026-11-27T12:00:00Z"));
    assertThat(PatternsCommand.since("2w", now)).isEqualTo(Instant.parse("2026-11-14T12:00:00Z"));
    assertThat(PatternsCommand.since("2026-11-01", now)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
  }
}
