package dev.cidoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cidoctor.testing.BadInputs;
import dev.cidoctor.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input gives exit 3 and one sentence on stderr, nothing on stdout; odd but readable input is analyzed. */
class AnalyzeInputsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void analyze_emptyFile_exits3WithSentence() throws IOException {
    Path f = Files.createFile(dir.resolve("empty.log"));
    assertRefused(Cli.run("analyze", f.toString()), f + " is empty: there is no log to analyze.");
  }

  @Test
  void analyze_binaryFile_exits3WithSentence() throws IOException {
    Path f = Files.write(dir.resolve("app.jar.log"), new byte[] {'P', 'K', 0, 0, 0, 1, 2, 3});
    assertRefused(Cli.run("analyze", f.toString()), f + " is a binary file, not a text log.");
  }

  @Test
  void analyze_missingPath_exits3WithSentence() {
    Path f = dir.resolve("missing.log");
    assertRefused(Cli.run("analyze", f.toString(), "--format", "json"), f + " does not exist.");
  }

  @Test
  void analyze_directory_exits3WithSentence() {
    assertRefused(Cli.run("analyze", dir.toString()), dir + " is a directory, not a log file.");
  }

  @Test
  void analyze_corruptZip_exits3WithSentence() throws IOException {
    Path f = BadInputs.corruptZip(dir);
    assertRefused(Cli.run("analyze", f.toString()), f + " is not a readable zip archive (zip END header not found).");
  }

  @Test
  void analyze_zipBomb_exits3WithSentence() throws IOException {
    Path f = BadInputs.zipBomb(dir);
    assertRefused(Cli.run("analyze", f.toString()), f + " looks like a zip bomb: " + BadInputs.BOMB_ENTRY + " expands "
        + BadInputs.ratio(f, BadInputs.BOMB_ENTRY) + " times its compressed size.");
  }

  @Test
  void analyze_emptyStdin_exits3WithSentence() {
    assertRefused(Cli.runWithStdin(new byte[0], "analyze", "-"), "Standard input is empty: there is no log to analyze.");
  }

  @Test
  void analyze_binaryStdin_exits3WithSentence() {
    assertRefused(Cli.runWithStdin(new byte[] {1, 0, 2, 0}, "analyze", "-"), "Standard input is binary data, not a text log.");
  }

  @Test
  void analyze_invalidUtf8File_isAnalyzedWithReplacementCharacters() throws IOException {
    byte[] bytes = "step 1 ok\nERROR: cannot open caf\u00e9.txt: no such file\n##[error]Process completed with exit code 1.\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    Path f = Files.write(dir.resolve("latin1.log"), bytes);

    Cli.Result r = Cli.run("analyze", f.toString(), "--format", "json");

    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    JsonNode o = JSON.readTree(r.out());
    assertThat(o.path("evidence").findValuesAsText("text")).anySatisfy(t -> assertThat(t).contains("caf\uFFFD.txt"));
  }

  @Test
  void analyze_single50MbLine_finishesAndExits0() throws IOException {
    Path f = BadInputs.singleLine(dir, 50 * 1024 * 1024);

    Cli.Result r = Cli.run("analyze", f.toString(), "--format", "json");

    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    JsonNode o = JSON.readTree(r.out());
    assertThat(o.path("schema").asText()).isEqualTo("cidoctor.diagnosis/v1");
    for (JsonNode e : o.path("evidence")) {
      assertThat(e.path("line").asLong()).isEqualTo(1);
      assertThat(e.path("text").asText().length()).isLessThanOrEqualTo(4096);
    }
  }

  private static void assertRefused(Cli.Result r, String sentence) {
    assertThat(r.err()).isEqualTo("cidoctor: " + sentence + System.lineSeparator());
    assertThat(r.out()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(ExitCode.INPUT);
  }
}
