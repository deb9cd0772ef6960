package dev.cidoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cidoctor.logs.LineText;
import dev.cidoctor.testing.Cli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real logs of each CI system, end to end through {@code analyze --format json}. These check the
 * format contract (steps found, line numbers the input's own, zip entries named, text cleaned), not
 * which line the heuristics pick, which is expected to change.
 */
class RealLogFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path LOGS = Path.of("src/test/resources/logs");

  @TempDir Path dir;

  @Test
  void analyze_githubActionsJobLog_findsTheFailingStepWithTheFilesLineNumbers() throws IOException {
    Path log = LOGS.resolve("github.cleanup-artifacts.typescript-2026.log");
    JsonNode o = analyze(log.toString());

    assertThat(o.get("failedStep").asText()).isEqualTo("echo \"Deleting artifacts for run ID: 24823635328\"");
    assertThat(o.get("evidence")).isNotEmpty();
    assertLinesAreTheInputsOwn(o.get("evidence"), log);
    assertCleaned(o.get("evidence"));
  }

  @Test
  void analyze_githubMultilineContinuation_countsLinesWithoutTimestamps() throws IOException {
    Path log = LOGS.resolve("github.multiline-continuation.hashicorp-vault-2024.log");
    JsonNode o = analyze(log.toString());

    assertLinesAreTheInputsOwn(o.get("evidence"), log);
    assertCleaned(o.get("evidence"));
  }

  @Test
  void analyze_gitlabTraceWithSectionMarkers_numbersLinesAtCarriageReturns() throws IOException {
    Path log = LOGS.resolve("gitlab.openwrt-2021.failed.log");
    JsonNode o = analyze(log.toString());

    assertThat(o.get("failedStep").isNull()).isFalse();
    assertThat(o.get("failedStep").asText()).doesNotContain("section_", "\u001b").isNotBlank();
    assertThat(o.get("evidence")).isNotEmpty();
    assertLinesAreTheInputsOwn(o.get("evidence"), log);
    assertCleaned(o.get("evidence"));
    assertThat(o.get("evidence").findValuesAsText("text")).noneMatch(t -> t.startsWith("section_"));
  }

  @Test
  void analyze_gitlabTraceOfSucceededJob_isAnalyzedWithTheFilesLineNumbers() throws IOException {
    Path log = LOGS.resolve("gitlab.openwrt-2021.excerpt.log");
    JsonNode o = analyze(log.toString());

    assertLinesAreTheInputsOwn(o.get("evidence"), log);
    assertCleaned(o.get("evidence"));
  }

  @Test
  void analyze_runLogsZip_analyzesEveryJobAndNamesEntries() throws IOException {
    Path zip = LOGS.resolve("github-run-logs.tensorflow-2024.zip");
    JsonNode o = analyze(zip.toString());

    assertThat(o.get("input").asText()).isEqualTo(zip.toString());
    assertThat(o.get("jobs")).extracting(j -> j.get("job").asText()).containsExactly("build", "build (3.10)");
    assertEntries(o.get("jobs").get(0), "-2147483648_build.txt");
    assertEntries(o.get("jobs").get(1), "0_build (3.10).txt");
  }

  @Test
  void analyze_runLogsZipWithAFailedJob_leadsWithThatJob() throws IOException {
    Path zip = dir.resolve("run-logs.zip");
    try (ZipFile real = new ZipFile(LOGS.resolve("github-run-logs.tensorflow-2024.zip").toFile());
        OutputStream os = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(os)) {
      for (Enumeration<? extends ZipEntry> e = real.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        z.putNextEntry(new ZipEntry(entry.getName()));
        try (InputStream in = real.getInputStream(entry)) {
          in.transferTo(z);
        }
        z.closeEntry();
      }
      z.putNextEntry(new ZipEntry("1_Cleanup artifacts.txt"));
      z.write(Files.readAllBytes(LOGS.resolve("github.cleanup-artifacts.typescript-2026.log")));
      z.closeEntry();
    }

    JsonNode o = analyze(zip.toString());

    assertThat(o.get("jobs")).extracting(j -> j.get("job").asText())
        .containsExactly("build", "build (3.10)", "Cleanup artifacts");
    assertThat(o.get("job").asText()).isEqualTo("Cleanup artifacts");
    assertThat(o.get("failedStep").asText()).isEqualTo("echo \"Deleting artifacts for run ID: 24823635328\"");
    assertEntries(o, "1_Cleanup artifacts.txt");
    assertThat(o.get("evidence")).isNotEmpty();
    assertLinesAreTheInputsOwn(o.get("evidence"), LOGS.resolve("github.cleanup-artifacts.typescript-2026.log"));
  }

  @Test
  void analyze_travisLog_findsTheFailedCommandStep() throws IOException {
    Path log = LOGS.resolve("travis.leiningen-242689049.log");
    JsonNode o = analyze(log.toString());

    assertThat(o.get("failedStep").asText()).isEqualTo("rake");
    assertThat(o.get("evidence")).isNotEmpty();
    assertLinesAreTheInputsOwn(o.get("evidence"), log);
    assertCleaned(o.get("evidence"));
  }

  @Test
  void analyze_jenkinsConsoleLog_reportsLinesOfTheLog() throws IOException {
    Path log = LOGS.resolve("jenkins.push-comment-github-173.log");
    JsonNode o = analyze(log.toString());

    assertThat(o.get("evidence")).isNotEmpty();
    assertLinesAreTheInputsOwn(o.get("evidence"), log);
  }

  @Test
  void analyze_standardInput_givesTheSameDiagnosisAsTheFile() throws IOException {
    Path log = LOGS.resolve("travis.leiningen-242689049.log");
    Cli.Result r = Cli.runWithStdin(Files.readAllBytes(log), "analyze", "-", "--format", "json");

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    JsonNode fromStdin = JSON.readTree(r.out());
    JsonNode fromFile = analyze(log.toString());
    assertThat(fromStdin.get("input").asText()).isEqualTo("-");
    for (String field : List.of("category", "summary", "ruleId", "evidence", "failedStep", "failedTests", "fingerprint")) {
      assertThat(fromStdin.get(field)).as(field).isEqualTo(fromFile.get(field));
    }
  }

  private static JsonNode analyze(String input) throws IOException {
    Cli.Result r = Cli.run("analyze", input, "--format", "json");
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    JsonNode o = JSON.readTree(r.out());
    AnalyzeCommandTest.assertContract(o, input);
    return o;
  }

  /** Each evidence line's text is line N of the input as BufferedReader.readLine() counts, cleaned. */
  private static void assertLinesAreTheInputsOwn(JsonNode evidence, Path log) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
      String l;
      while ((l = r.readLine()) != null) {
        lines.add(l);
      }
    }
    for (JsonNode e : evidence) {
      int n = e.get("line").asInt();
      assertThat(n).isBetween(1, lines.size());
      byte[] raw = lines.get(n - 1).getBytes(StandardCharsets.UTF_8);
      assertThat(e.get("text").asText()).as("text of line " + n).isEqualTo(LineText.clean(raw, 0, raw.length));
    }
  }

  private static void assertCleaned(JsonNode evidence) {
    for (JsonNode e : evidence) {
      assertThat(e.get("text").asText()).doesNotContain("\u001b", "\r", "\uFEFF").doesNotMatch("^\\d{4}-\\d\\d-\\d\\dT.*");
    }
  }

  private static void assertEntries(JsonNode job, String entry) {
    for (JsonNode e : job.get("evidence")) {
      assertThat(e.get("entry").asText()).isEqualTo(entry);
    }
  }
}
