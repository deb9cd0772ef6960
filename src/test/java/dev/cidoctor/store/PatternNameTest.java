package dev.cidoctor.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.model.Category;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternNameTest {
  private static Diagnosis diagnosis(String ruleId, String line) {
    return new Diagnosis("log", null, Category.NETWORK_ERROR, Severity.HIGH, true, "summary", "fix", ruleId, 0.5,
        line == null ? List.of() : List.of(new Evidence(null, 3, line)), null, List.of(), "sha256:0", List.of());
  }

  @Test
  void of_ruleMatched_isTheRuleId() {
    assertThat(PatternName.of(diagnosis("net.connection-refused", "whatever"))).isEqualTo("net.connection-refused");
  }

  @Test
  void of_noRule_isASlugOfTheLineWithoutNumbersOrNoise() {
    assertThat(PatternName.of(diagnosis(null, "ERROR: connect: Connection refused (127.0.0.1:5432)")))
        .isEqualTo("connect_connection_refused");
  }

  @Test
  void slug_idsAndHexAreDropped_soRunsOfTheSameFailureShareAName() {
    assertThat(PatternName.slug("Timeout after 30s waiting for pod a1b2c3d4"))
        .isEqualTo(PatternName.slug("Timeout after 45s waiting for pod ffee0099"))
        .isEqualTo("timeout_after_waiting_pod");
  }

  @Test
  void of_onlyNoiseWords_keepsThemRatherThanNothing() {
    assertThat(PatternName.of(diagnosis(null, "Error: failed"))).isEqualTo("error_failed");
  }

  @Test
  void of_noEvidenceAndNoLetters_fallsBackToTheCategory() {
    Diagnosis d = new Diagnosis("log", null, Category.UNKNOWN, Severity.LOW, false, "123", "fix", null, 0.1, List.of(), null,
        List.of(), "sha256:0", List.of());
    assertThat(PatternName.of(d)).isEqualTo("unknown");
  }
}
