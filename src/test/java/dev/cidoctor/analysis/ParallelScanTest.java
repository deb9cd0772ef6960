package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.model.Diagnosis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scanning a file in parallel chunks must give exactly what one sequential pass gives. */
class ParallelScanTest {
  private static final Analyzer ANALYZER = new Analyzer(RuleLoader.load(List.of()));

  @Test
  void analyzeFile_inChunks_sameDiagnosisAsOnePass(@TempDir Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int step = 0; step < 60; step++) {
      sb.append("2024-01-02T03:04:05.1234567Z ##[group]Run make step").append(step).append('\n');
      sb.append("make step").append(step).append("\r\n##[endgroup]\n");
      for (int i = 0; i < 200; i++) {
        sb.append("compiling unit ").append(i).append(i % 50 == 0 ? " warning: unused variable\r" : "\n");
      }
    }
    sb.append("##[group]Run pytest\npytest\n##[endgroup]\n");
    sb.append("E       AssertionError: assert 200 == 201\n");
    sb.append("FAILED tests/test_api.py::test_create_user - assert 200 == 201\n");
    sb.append("##[error]Process completed with exit code 1.\n");
    Path log = dir.resolve("big.log");
    Files.writeString(log, sb.toString(), StandardCharsets.UTF_8);

    Diagnosis sequential;
    try (InputStream in = Files.newInputStream(log)) {
      sequential = ANALYZER.analyze("big.log", null, null, in);
    }
    for (int chunks : new int[] {2, 3, 7}) {
      Diagnosis parallel = ANALYZER.analyzeFile(log, "big.log", null, chunks);
      assertThat(parallel.evidence()).as(chunks + " chunks").isEqualTo(sequential.evidence());
      assertThat(parallel.ruleId()).isEqualTo(sequential.ruleId());
      assertThat(parallel.failedStep()).isEqualTo("pytest");
      assertThat(parallel.failedTests()).isEqualTo(sequential.failedTests());
      assertThat(parallel.fingerprint()).isEqualTo(sequential.fingerprint());
    }
  }

  @Test
  void boundaries_alwaysFollowALineFeed(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("x.log");
    Files.writeString(log, "a\r\nbb\rccc\ndddd\n" + "e".repeat(1000) + "\nf");
    long[] b = Analyzer.boundaries(log, 4);
    byte[] bytes = Files.readAllBytes(log);
    assertThat(b[0]).isZero();
    assertThat(b[b.length - 1]).isEqualTo(bytes.length);
    for (int i = 1; i < b.length - 1; i++) {
      assertThat(bytes[(int) b[i] - 1]).isEqualTo((byte) '\n');
    }
  }
}
