package dev.cidoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cidoctor.model.Category;
import dev.cidoctor.testing.Cli;
import dev.cidoctor.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The {@code analyze} command's contract: JSON schema, formats, usage errors, help, and rendered output. */
class AnalyzeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String HTTP_STATUS = "src/test/resources/rule-fixtures/python.assert.http-status.log";
  static final String PYTEST = "src/test/resources/rule-fixtures/python.pytest.failed-test.log";
  private static final Set<String> FIELDS = Set.of("schema", "input", "category", "severity", "transient", "summary",
      "suggestion", "ruleId", "confidence", "evidence", "failedStep", "failedTests", "fingerprint", "trace");

  @Test
  void help_listsEveryExitCode_oneLineEach() {
    Cli.Result r = Cli.run("analyze", "--help");
    String codes = r.out().substring(r.out().indexOf("Exit codes:"));
    for (int code = 0; code <= 8; code++) {
      assertThat(codes).containsPattern("\\n  " + code + "  \\S");
    }
    assertThat(codes.strip().lines().count()).isEqualTo(10); // the heading and nine codes, no blank line
  }

  @Test
  void analyze_jsonFormat_followsTheDiagnosisV1Contract() throws IOException {
    Cli.Result r = Cli.run("analyze", HTTP_STATUS, "--format", "json");

    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertContract(JSON.readTree(r.out()), HTTP_STATUS);
  }

  @Test
  void analyze_jsonFormatOnSeedFixture_namesTheRuleAndItsEvidence() throws IOException {
    JsonNode o = JSON.readTree(Cli.run("analyze", HTTP_STATUS, "--format", "json").out());

    assertThat(o.get("ruleId").asText()).isEqualTo("python.assert.http-status");
    assertThat(o.get("category").asText()).isEqualTo("test_failure");
    assertThat(o.get("evidence").get(0).get("line").asLong()).isEqualTo(12);
    assertThat(o.get("evidence").get(0).get("text").asText()).isEqualTo("E       assert 200 == 201");
    assertThat(o.get("failedStep").asText()).isEqualTo("pytest");
    assertThat(o.get("failedTests")).extracting(JsonNode::asText).containsExactly("tests/test_api.py::test_create_user", "tests.test_api::test_create_user");
  }

  /** --no-builtin-rules leaves only the user's rules, or the generic engine, to explain the log. */
  @Test
  void analyze_noBuiltinRules_usesOnlyTheGivenRules() throws IOException {
    JsonNode generic = JSON.readTree(Cli.run("analyze", HTTP_STATUS, "--format", "json", "--no-builtin-rules").out());
    JsonNode user = JSON.readTree(Cli.run("analyze", HTTP_STATUS, "--format", "json", "--no-builtin-rules",
        "--rules", "src/test/resources/user-rules/good-rule.yaml").out());

    assertThat(generic.get("ruleId").isNull()).isTrue();
    assertThat(generic.get("summary").asText()).contains("assert 200 == 201");
    assertThat(user.get("ruleId").asText()).isEqualTo("demo.http-status");
  }

  @Test
  void analyze_jsonlWithTwoInputs_printsOneObjectPerLine() throws IOException {
    Cli.Result r = Cli.run("analyze", "--format", "jsonl", HTTP_STATUS, PYTEST);

    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertContract(JSON.readTree(lines.get(0)), HTTP_STATUS);
    assertContract(JSON.readTree(lines.get(1)), PYTEST);
  }

  @Test
  void analyze_jsonlWithOneBadInput_printsTheOthersAndExits3() throws IOException {
    Cli.Result r = Cli.run("analyze", "--format", "jsonl", "no-such.log", PYTEST);

    assertThat(r.err()).isEqualTo("cidoctor: no-such.log does not exist." + System.lineSeparator());
    assertThat(r.exitCode()).isEqualTo(ExitCode.INPUT);
    assertThat(r.out().lines().toList()).singleElement().satisfies(l -> assertContract(JSON.readTree(l), PYTEST));
  }

  @Test
  void analyze_severalInputsWithoutJsonl_exits2WithSentence() {
    Cli.Result r = Cli.run("analyze", HTTP_STATUS, PYTEST, "--format", "json");

    assertThat(r.err()).isEqualTo("cidoctor: Several inputs need --format jsonl (one JSON object per line)." + System.lineSeparator());
    assertThat(r.out()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void analyze_unknownOption_exits2WithHint() {
    Cli.Result r = Cli.run("analyze", HTTP_STATUS, "--colour");

    assertThat(r.err()).isEqualTo("cidoctor: Unknown option: '--colour'" + System.lineSeparator()
        + "Try 'cidoctor analyze --help'." + System.lineSeparator());
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void analyze_unknownFormat_exits2() {
    Cli.Result r = Cli.run("analyze", HTTP_STATUS, "--format", "xml");

    assertThat(r.err()).startsWith("cidoctor: Invalid value for option '--format'");
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void analyze_help_listsEveryExitCode() {
    Cli.Result r = Cli.run("analyze", "--help");

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains(ExitCode.HELP);
  }

  @Test
  void main_help_listsEveryExitCode() {
    Cli.Result r = Cli.run("--help");

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains(ExitCode.HELP).contains("analyze", "eval", "rules", "bench");
  }

  @Test
  void main_noCommand_exits2() {
    Cli.Result r = Cli.run();

    assertThat(r.err()).isEqualTo("cidoctor: Missing command: try 'cidoctor analyze LOG'." + System.lineSeparator()
        + "Try 'cidoctor --help'." + System.lineSeparator());
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void analyze_verbose_showsTheReasoningTrace() {
    Cli.Result r = Cli.run("analyze", HTTP_STATUS, "--verbose");

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("Reasoning:", "Thought:", "Action:", "Observation:", "Answer:");
  }

  @Test
  void analyze_textWithoutTerminal_hasNoAnsiCodes() {
    Cli.Result r = Cli.run("analyze", HTTP_STATUS, "--verbose");

    assertThat(r.out()).doesNotContain("\u001b");
  }

  @Test
  void analyze_text_matchesGolden() {
    Cli.Result r = Cli.run("analyze", HTTP_STATUS);

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    Golden.assertMatches("python.assert.http-status.txt", r.out());
  }

  @Test
  void analyze_markdown_matchesGolden() {
    Cli.Result r = Cli.run("analyze", HTTP_STATUS, "--format", "markdown");

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    Golden.assertMatches("python.assert.http-status.md", r.out());
  }

  @Test
  void analyze_stdin_readsTheLogFromStandardInput() throws IOException {
    Cli.Result r = Cli.runWithStdin(Files.readAllBytes(Path.of(HTTP_STATUS)), "analyze", "-", "--format", "json");

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    JsonNode o = JSON.readTree(r.out());
    assertContract(o, "-");
    JsonNode fromFile = JSON.readTree(Cli.run("analyze", HTTP_STATUS, "--format", "json").out());
    assertThat(o.get("evidence")).isEqualTo(fromFile.get("evidence"));
    assertThat(o.get("fingerprint")).isEqualTo(fromFile.get("fingerprint"));
  }

  @Test
  void analyze_badUserRuleFile_exits5ListingEveryProblem() {
    String file = "src/test/resources/user-rules/bad-rules.yaml";
    Cli.Result r = Cli.run("analyze", HTTP_STATUS, "--rules", file);

    String nl = System.lineSeparator();
    assertThat(r.err()).isEqualTo("cidoctor: The rules have 5 problems:\n"
        + "  " + file + ": rule demo.bad-category: unknown category 'flaky_test'; expected one of test_failure, "
        + "compilation_error, type_error, lint_error, dependency_error, network_error, timeout, out_of_resources, "
        + "configuration_error, infrastructure_error, docker_build_error, cancelled, unknown\n"
        + "  " + file + ": rule demo.bad-regex: 'pattern' is not a valid regex: Unclosed group near index 28\n"
        + "  " + file + ": rule demo.unknown-placeholder: unknown key 'colour'\n"
        + "  " + file + ": rule demo.bad-regex: placeholder {host} names no capture (captures: []) and no remembered value\n"
        + "  " + file + ": rule demo.unknown-placeholder: placeholder {testName} names no capture (captures: [test]) "
        + "and no remembered value" + nl);
    assertThat(r.out()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(ExitCode.CONFIG);
  }

  @Test
  void analyze_goodUserRuleFile_addsToTheBuiltInRules() throws IOException {
    Cli.Result r = Cli.run("analyze", HTTP_STATUS, "--rules", "src/test/resources/user-rules/good-rule.yaml", "--format", "json");

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(JSON.readTree(r.out()).get("ruleId").asText()).isEqualTo("demo.http-status");
  }

  /** Checks every field of a {@code cidoctor.diagnosis/v1} object, whatever the analysis chose. */
  static void assertContract(JsonNode o, String input) {
    Set<String> names = new java.util.TreeSet<>();
    o.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsAll(FIELDS);
    assertThat(o.get("schema").asText()).isEqualTo("cidoctor.diagnosis/v1");
    assertThat(o.get("input").asText()).isEqualTo(input);
    Set<String> categories = Arrays.stream(Category.values()).map(Category::wireName).collect(Collectors.toSet());
    assertThat(categories).hasSize(13);
    assertThat(o.get("category").asText()).isIn(categories);
    assertThat(o.get("severity").asText()).isIn("low", "medium", "high", "critical");
    assertThat(o.get("transient").isBoolean()).isTrue();
    assertThat(o.get("summary").isTextual()).isTrue();
    assertThat(o.get("summary").asText()).isNotBlank();
    assertThat(o.get("suggestion").isTextual()).isTrue();
    assertThat(o.get("suggestion").asText()).isNotBlank();
    assertThat(o.get("ruleId").isTextual() || o.get("ruleId").isNull()).as("ruleId is a string or null").isTrue();
    assertThat(o.get("confidence").isNumber()).isTrue();
    assertThat(o.get("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(o.get("evidence").isArray()).isTrue();
    assertThat(o.get("evidence").size()).isBetween(0, 40);
    List<String> evidenceKeys = new ArrayList<>();
    for (JsonNode e : o.get("evidence")) {
      e.fieldNames().forEachRemaining(evidenceKeys::add);
      assertThat(e.get("line").isIntegralNumber()).isTrue();
      assertThat(e.get("line").asLong()).isPositive();
      assertThat(e.get("text").isTextual()).isTrue();
    }
    assertThat(evidenceKeys).allMatch(k -> k.equals("line") || k.equals("text") || k.equals("entry"));
    assertThat(o.get("failedStep").isTextual() || o.get("failedStep").isNull()).isTrue();
    assertThat(o.get("failedTests").isArray()).isTrue();
    o.get("failedTests").forEach(t -> assertThat(t.isTextual()).isTrue());
    assertThat(o.get("fingerprint").asText()).matches("sha256:[0-9a-f]{16}");
  }
}
