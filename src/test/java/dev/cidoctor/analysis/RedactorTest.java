package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void redact_knownTokenShapes_areMasked() {
    assertThat(Redactor.redact("push with ghp_abcdefghijklmnopqrstuvwxyz0123456789AB failed"))
        .isEqualTo("push with [REDACTED] failed");
    assertThat(Redactor.redact("key AKIAABCDEFGHIJKLMNOP used")).isEqualTo("key [REDACTED] used");
    assertThat(Redactor.redact("OPENAI sk-proj-abcdefghijklmnopqrstuvwx1234")).isEqualTo("OPENAI [REDACTED]");
    assertThat(Redactor.redact("-----BEGIN RSA PRIVATE KEY-----")).isEqualTo("[REDACTED]");
  }

  @Test
  void redact_credentialsInUrl_areMasked() {
    assertThat(Redactor.redact("fatal: unable to access 'https://bot:s3cr3tpass@github.com/o/r.git/'"))
        .isEqualTo("fatal: unable to access 'https://[REDACTED]@github.com/o/r.git/'");
  }

  @Test
  void redact_assignedSecrets_areMaskedButCiMasksAndVariablesKept() {
    assertThat(Redactor.redact("DB password=hunter22 rejected")).isEqualTo("DB password=[REDACTED] rejected");
    assertThat(Redactor.redact("Authorization: Bearer abcdef123456")).isEqualTo("Authorization: [REDACTED]");
    assertThat(Redactor.redact("GITHUB_TOKEN: ***")).isEqualTo("GITHUB_TOKEN: ***");
    assertThat(Redactor.redact("token: ${{ secrets.TOKEN }}")).isEqualTo("token: ${{ secrets.TOKEN }}");
  }

  @Test
  void redact_ordinaryErrorLine_isUnchanged() {
    String line = "error[E0308]: mismatched types at src/main.rs:12:5";
    assertThat(Redactor.redact(line)).isEqualTo(line);
  }

  /** A permission level after "token:" is no secret; a six-character value still is. */
  @Test
  void redact_shortWordsInProse_areKeptButSixCharacterValuesMasked() {
    assertThat(Redactor.redact("and that the job has `permissions: id-token: write`."))
        .isEqualTo("and that the job has `permissions: id-token: write`.");
    assertThat(Redactor.redact("permissions: { id-token: write, contents: read }"))
        .isEqualTo("permissions: { id-token: write, contents: read }");
    assertThat(Redactor.redact("token: abc123`.")).isEqualTo("token: [REDACTED]");
    assertThat(Redactor.redact("password=hunter2")).isEqualTo("password=[REDACTED]");
  }
}
