package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the redactor over a corpus of secrets in the places logs show them; none may survive. */
class RedactorCorpusTest {
  @Test
  void redact_corpusOfSecrets_leavesNoneOfThem() throws IOException {
    List<String> leaked = new ArrayList<>();
    int cases = 0;
    try (InputStream in = getClass().getResourceAsStream("secrets-corpus.txt")) {
      for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (row.isBlank() || row.startsWith("#")) {
          continue;
        }
        String[] parts = row.split("\t");
        String line = parts[0].replace("{S}", parts[1]);
        String redacted = Redactor.redact(line);
        cases++;
        if (redacted.contains(parts[1]) || !redacted.contains(Redactor.MASK)) {
          leaked.add(line + "  ->  " + redacted);
        }
      }
    }
    assertThat(cases).isGreaterThanOrEqualTo(20);
    assertThat(leaked).isEmpty();
  }

  @Test
  void redact_privateKeyBlock_masksTheWholeBlock() {
    String text = "key:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nAAAAAAABAAAAMwAAAAtzc2gtZW\n"
        + "-----END OPENSSH PRIVATE KEY-----\ndone";
    assertThat(Redactor.redact(text)).isEqualTo("key:\n[REDACTED]\ndone");
  }

  @Test
  void redact_slackWebhook_keepsTheHostMasksThePath() {
    assertThat(Redactor.redact("POST https://hooks.slack.com/services/T0AAA/B0BBB/abcdefXYZ123 failed"))
        .isEqualTo("POST https://hooks.slack.com/services/[REDACTED] failed");
  }

  @Test
  void redact_ordinaryBuildLines_areUnchanged() {
    for (String line : List.of(
        "FAILED tests/test_auth.py::test_login - AssertionError: assert 401 == 200",
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile",
        "npm ERR! code ERESOLVE",
        "Error: Process completed with exit code 1.",
        "##[group]Run actions/checkout@v4",
        "TypeError: Cannot read properties of undefined (reading 'token')",
        "Bearer authentication is required")) {
      assertThat(Redactor.redact(line)).as(line).isEqualTo(line);
    }
  }
}
