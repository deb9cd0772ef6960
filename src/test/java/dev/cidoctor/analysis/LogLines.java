package dev.cidoctor.analysis;

import dev.cidoctor.model.Diagnosis;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Analyzes a log given as its lines, for tests that pin which line an analyzer names. */
final class LogLines {
  private LogLines() {}

  static Diagnosis analyze(Analyzer analyzer, String... lines) throws IOException {
    String log = String.join("\n", lines) + "\n";
    return analyzer.analyze("build.log", null, null, new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
  }
}
