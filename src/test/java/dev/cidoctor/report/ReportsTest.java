package dev.cidoctor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cidoctor.model.Category;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsTest {
  @Test
  void primaryJob_failedStepJobAgainstMoreConfidentJobWithoutOne_leadsWithTheFailedStep_regressionSucceededJobLed() {
    Diagnosis noisy = job("build", null, 0.33, Category.UNKNOWN, true);
    Diagnosis failed = job("cleanup", "gh api", 0.26, Category.UNKNOWN, true);

    assertThat(Reports.primaryJob(List.of(noisy, failed))).isSameAs(failed);
  }

  @Test
  void primaryJob_equalTier_prefersTheMoreConfident() {
    Diagnosis a = job("a", "make", 0.4, Category.COMPILATION_ERROR, true);
    Diagnosis b = job("b", "pytest", 0.9, Category.TEST_FAILURE, true);

    assertThat(Reports.primaryJob(List.of(a, b))).isSameAs(b);
  }

  @Test
  void primaryJob_nothingFoundAnywhere_isTheFirst() {
    Diagnosis a = job("a", null, 0.0, Category.UNKNOWN, false);
    Diagnosis b = job("b", null, 0.0, Category.UNKNOWN, false);

    assertThat(Reports.primaryJob(List.of(a, b))).isSameAs(a);
  }

  @Test
  void primaryJob_foundBeatsNothingFound() {
    Diagnosis none = job("a", null, 0.0, Category.UNKNOWN, false);
    Diagnosis found = job("b", null, 0.2, Category.UNKNOWN, true);

    assertThat(Reports.primaryJob(List.of(none, found))).isSameAs(found);
  }

  @Test
  void primaryJob_noJobs_throwsWithReason() {
    assertThatThrownBy(() -> Reports.primaryJob(List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no diagnosis to report");
  }

  private static Diagnosis job(String name, String step, double confidence, Category category, boolean evidence) {
    return new Diagnosis("run.zip", name, category, Severity.MEDIUM, false, "s", "fix", null, confidence,
        evidence ? List.of(new Evidence("1_" + name + ".txt", 3, "error")) : List.of(), step, List.of(),
        "sha256:0000000000000000", List.of());
  }
}
