package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.logs.LineReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScannerTest {
  @Test
  void scan_thousandsOfQuietStepsWithErrors_keepsBoundedCandidates_regressionOomOnOneGibLog() throws IOException {
    StringBuilder log = new StringBuilder();
    for (int step = 0; step < 2000; step++) {
      log.append("##[group]Run make part-").append(step).append('\n').append("##[endgroup]\n");
      for (int i = 0; i < 50; i++) {
        log.append("Error: connect ECONNRESET while fetching chunk ").append(i).append(", retrying\n");
      }
    }
    log.append("##[group]Run make last\n##[endgroup]\nFATAL: the real failure\n##[error]Process completed with exit code 2.\n");
    Scanner scan = new Scanner(new KnowledgeBase(List.of()));

    LineReader.read(new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)), scan);
    scan.finish();

    int kept = scan.steps.stream().mapToInt(s -> s.candidates.size()).sum();
    assertThat(kept).isLessThanOrEqualTo(2 * Steps.MAX_CLOSED_CANDIDATES + 1);
    Step last = scan.steps.get(scan.steps.size() - 1);
    assertThat(last.failed()).isTrue();
    assertThat(last.candidates).extracting(c -> c.text).contains("FATAL: the real failure");
  }

  /**
   * Mocha's titles name a test only with the line above them (a rule with {@code requires}); those
   * names are taken during the scan, so every failure is named, not only those whose lines stay
   * candidates until the diagnosis.
   */
  @Test
  void analyze_hundredsOfNestedMochaFailures_namesEveryTestOnce() throws IOException {
    List<String> lines = new java.util.ArrayList<>();
    lines.add("$ npx mocha");
    lines.add("  0 passing (3s)");
    lines.add("  300 failing");
    lines.add("");
    for (int i = 1; i <= 300; i++) {
      lines.add("  " + i + ") parser");
      lines.add("       reads config file number " + i + ":");
      lines.add("     AssertionError: expected 1 to equal 2");
      lines.add("      at Context.<anonymous> (test/parser.js:" + i + ":9)");
      lines.add("");
    }
    lines.add("The command \"npx mocha\" exited with 300.");
    Analyzer analyzer = new Analyzer(RuleLoader.load(List.of()));

    List<String> tests = LogLines.analyze(analyzer, lines.toArray(String[]::new)).failedTests();

    assertThat(tests).hasSize(300).doesNotHaveDuplicates();
    assertThat(tests).first().isEqualTo("parser reads config file number 1");
    assertThat(tests).last().isEqualTo("parser reads config file number 300");
  }

  /** Ginkgo's failure message looks like Nim's failed-test line, but the 'In [It] at:' below it tells them apart. */
  @Test
  void analyze_ginkgoFailureMessage_isNoTestName() throws IOException {
    Analyzer analyzer = new Analyzer(RuleLoader.load(List.of()));
    List<String> tests = LogLines.analyze(analyzer,
        "$ go test ./...",
        "\u2022 [FAILED] [1.014 seconds]",
        "PubSub [It] should ChannelMessage",
        "/home/runner/work/go-redis/pubsub_test.go:645",
        "",
        "  [FAILED] Timed out after 1.001s.",
        "  Expected",
        "      <<-chan *redis.Message | len:0, cap:10>: 0xc0012d96c0",
        "  to receive something.",
        "  In [It] at: /home/runner/work/go-redis/pubsub_test.go:661 @ 05/07/26 17:29:02.697",
        "FAIL",
        "The command \"go test ./...\" exited with 1.").failedTests();

    assertThat(tests).containsExactly("PubSub [It] should ChannelMessage");
  }
}
