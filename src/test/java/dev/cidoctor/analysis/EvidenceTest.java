package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which lines besides the root cause are shown as evidence. */
class EvidenceTest {
  private static final Analyzer ANALYZER = new Analyzer(RuleLoader.load(List.of()));

  /**
   * Regression: a Python line printed by a build script ("        if url == x:") matched the pattern of
   * a Mocha title rule whose required "  1) suite" line was absent, and was still shown as evidence of
   * an unrelated Maven compile error (the README's first example).
   */
  @Test
  void analyze_ruleMatchWhoseRequiredLineIsMissing_isNotEvidence() throws IOException {
    String log = String.join("\n",
        "def inject(pom):",
        "    for repo in repos:",
        "        if url == snapshot_repo_url:",
        "            return",
        "[INFO] --- maven-compiler-plugin:3.5.1:compile (default-compile) @ app ---",
        "[ERROR] COMPILATION ERROR : ",
        "[ERROR] /src/main/java/App.java:[10,5] cannot find symbol",
        "[INFO] BUILD FAILURE",
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.5.1:compile (default-compile) on project app: Compilation failure");
    Diagnosis d = ANALYZER.analyze("build.log", null, null, new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));

    assertThat(d.primary().line()).isEqualTo(7);
    assertThat(d.evidence()).extracting(Evidence::line).doesNotContain(3L);
  }

  /** A later line a rule explains brings the block its rule shows (Maven's [ERROR] report), not just itself. */
  @Test
  void analyze_laterRuleMatch_bringsItsRuleContext() throws IOException {
    String log = String.join("\n",
        "[INFO] --- maven-compiler-plugin:3.5.1:compile (default-compile) @ app ---",
        "[ERROR] COMPILATION ERROR : ",
        "[ERROR] /src/main/java/App.java:[10,5] cannot find symbol",
        "[INFO] 1 error",
        "[INFO] BUILD FAILURE",
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.5.1:compile (default-compile) on project app: Compilation failure",
        "[ERROR] /src/main/java/App.java:[10,5] cannot find symbol",
        "[ERROR]   symbol:   class Foo",
        "[ERROR] -> [Help 1]",
        "[ERROR] ",
        "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.",
        "[INFO] Total time: 2.1 s");
    Diagnosis d = ANALYZER.analyze("build.log", null, null, new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));

    assertThat(d.primary().line()).isEqualTo(3);
    assertThat(d.evidence()).extracting(Evidence::line).contains(6L, 7L, 8L, 9L, 11L).doesNotContain(12L);
  }

  /**
   * Maven's closing report restates a compile error below the build summary: it is shown as a block
   * (its [ERROR] lines, the resume hint too), not only its first line.
   */
  @Test
  void analyze_secondRuleLineAwayFromThePrimaryBlock_bringsItsTaggedBlock() throws IOException {
    String log = String.join("\n",
        "[INFO] --- maven-compiler-plugin:3.8.1:compile (default-compile) @ app ---",
        "[INFO] -------------------------------------------------------------",
        "[ERROR] COMPILATION ERROR : ",
        "[INFO] -------------------------------------------------------------",
        "[ERROR] /src/main/java/App.java:[10,5] cannot find symbol",
        "[INFO] 1 error",
        "[INFO] -------------------------------------------------------------",
        "[INFO] BUILD FAILURE",
        "[INFO] ------------------------------------------------------------------------",
        "[INFO] Total time:  5.905 s",
        "[INFO] ------------------------------------------------------------------------",
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.8.1:compile (default-compile) on project app: Compilation failure",
        "[ERROR] /src/main/java/App.java:[10,5] cannot find symbol",
        "[ERROR] ",
        "[ERROR] -> [Help 1]",
        "[ERROR] ",
        "[ERROR] After correcting the problems, you can resume the build with the command",
        "[ERROR]   mvn <args> -rf :app",
        "Build step 'Execute shell' marked build as failure");
    Diagnosis d = ANALYZER.analyze("build.log", null, null, new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));

    assertThat(d.primary().line()).isEqualTo(5);
    assertThat(d.evidence()).extracting(Evidence::line).contains(12L, 13L, 17L, 18L).doesNotContain(10L);
  }

  @Test
  void lead_toolTags_areTheFirstTokenWhenItLooksLikeATag() {
    assertThat(EvidenceBuilder.lead("[ERROR] Failed to execute goal")).isEqualTo("[ERROR]");
    assertThat(EvidenceBuilder.lead("error: could not compile `app`")).isEqualTo("error:");
    assertThat(EvidenceBuilder.lead("E       assert 200 == 201")).isEqualTo("E");
    assertThat(EvidenceBuilder.lead("Traceback (most recent call last):")).isNull();
    assertThat(EvidenceBuilder.lead("   ")).isNull();
  }

  /** A test runner's failure block goes on while its lines are indented under the header, blank lines and all. */
  @Test
  void analyze_gradleFailureWithIndentedStackAndCause_keepsTheWholeBlockAndStopsAtTheNextHeader() throws IOException {
    String log = String.join("\n",
        "> Task :test",
        "",
        "ConsoleClientTest > testOutput() PASSED",
        "",
        "ConsoleClientTest > testClassicParsing() FAILED",
        "    java.lang.IllegalArgumentException: java.nio.file.NoSuchFileException: ../data/a.log",
        "        at org.example.LogParser.parseLog(LogParser.java:39)",
        "        at org.example.LogParser.parseLogs(LogParser.java:44)",
        "        at org.example.ConsoleClientTest.testClassicParsing(ConsoleClientTest.java:69)",
        "",
        "        Caused by:",
        "        java.nio.file.NoSuchFileException: ../data/a.log",
        "            at java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:92)",
        "            at java.base/java.nio.file.Files.lines(Files.java:4227)",
        "",
        "LcsLogDifferTest > testUnchangedCode1() PASSED",
        "",
        "2 tests completed, 1 failed",
        "",
        "FAILURE: Build failed with an exception.");
    Diagnosis d = ANALYZER.analyze("build.log", null, null, new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));

    assertThat(d.primary().line()).isEqualTo(5);
    assertThat(d.evidence()).extracting(Evidence::line).contains(6L, 9L, 11L, 12L, 14L).doesNotContain(16L);
  }

  @Test
  void continuesBlock_deeperIndentOrSameTag_continues() {
    assertThat(EvidenceBuilder.continuesBlock("    at a.B.c(B.java:1)", null, 0)).isTrue();
    assertThat(EvidenceBuilder.continuesBlock("  2) next test:", null, 2)).isFalse();
    assertThat(EvidenceBuilder.continuesBlock("[ERROR] more", "[ERROR]", 0)).isTrue();
    assertThat(EvidenceBuilder.indent("\t  x")).isEqualTo(3);
  }
}
