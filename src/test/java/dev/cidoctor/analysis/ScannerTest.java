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
}
