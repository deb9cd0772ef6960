package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The same failure gets the same fingerprint across runs; a different failure does not. */
class FingerprintTest {
  @Test
  void of_format_isSha256PrefixAnd16Hex() {
    assertThat(Fingerprint.of("test_failure", "python.pytest.failed-test", "FAILED tests/a.py::t - assert 1 == 2"))
        .matches("sha256:[0-9a-f]{16}");
  }

  @Test
  void of_differentTimestamps_sameFingerprint() {
    assertSame("2024-05-01T10:00:01.1234567Z ERROR connection lost at 10:00:01",
        "2024-06-30 23:59:59,999 ERROR connection lost at 23:59:59");
  }

  @Test
  void of_differentDurations_sameFingerprint() {
    assertSame("Timed out after 30s waiting for postgres (took 1.5 min)", "Timed out after 120s waiting for postgres (took 12 min)");
  }

  @Test
  void of_differentTempPaths_sameFingerprint() {
    assertSame("cannot open /tmp/pytest-of-runner/pytest-3/test_x0/data.json: No such file",
        "cannot open /tmp/pytest-of-runner/pytest-17/test_x5/data.json: No such file");
  }

  @Test
  void of_differentHexIds_sameFingerprint() {
    assertSame("container 3f2a9c1be0d4 exited with 137", "container a81d0e77c2f9 exited with 137");
  }

  @Test
  void of_differentUuids_sameFingerprint() {
    assertSame("request 123e4567-e89b-12d3-a456-426614174000 failed",
        "request 9B2F1C3A-0D4E-4F5A-8B6C-7D8E9F0A1B2C failed");
  }

  @Test
  void of_differentNumbers_sameFingerprint() {
    assertSame("FAILED 3 of 120 tests, pid 4411", "FAILED 7 of 98 tests, pid 90210");
  }

  @Test
  void of_differentWhitespace_sameFingerprint() {
    assertSame("  E   assert x == y  ", "E assert x == y");
  }

  @Test
  void of_differentErrorMessages_differentFingerprints() {
    assertThat(Fingerprint.of("test_failure", null, "E   KeyError: 'DATABASE_URL'"))
        .isNotEqualTo(Fingerprint.of("test_failure", null, "E   KeyError: 'REDIS_URL'"));
  }

  @Test
  void of_differentRuleOrCategory_differentFingerprints() {
    String line = "error: build failed";
    assertThat(Fingerprint.of("compilation_error", null, line)).isNotEqualTo(Fingerprint.of("lint_error", null, line));
    assertThat(Fingerprint.of("compilation_error", "a.rule", line)).isNotEqualTo(Fingerprint.of("compilation_error", null, line));
  }

  @Test
  void of_nullLine_isStable() {
    assertThat(Fingerprint.of("unknown", null, null)).isEqualTo(Fingerprint.of("unknown", null, ""));
  }

  @Test
  void normalize_masksEveryVaryingPart() {
    assertThat(Fingerprint.normalize("2024-05-01T10:00:01Z job 123e4567-e89b-12d3-a456-426614174000 on /tmp/x/y took 5s, sha deadbeef1, n=42"))
        .isEqualTo("<ts> job <uuid> on <tmp> took <dur>, sha <hex>, n=<n>");
  }

  private static void assertSame(String a, String b) {
    assertThat(Fingerprint.of("test_failure", "r.id", a)).isEqualTo(Fingerprint.of("test_failure", "r.id", b));
  }
}
