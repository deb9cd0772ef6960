package dev.cidoctor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerdictTest {
  private static Verdict.Facts facts(boolean flakyHere, Optional<Long> defaultFailure, boolean transientFailure, long patternFlaky,
      long prior, Optional<Long> previousGreen) {
    return new Verdict.Facts("python.assert.http-status", "test", "abcdef1234", transientFailure, "test_failure", prior,
        Optional.of(new Fix("octo/app", "main", 9, "0123456789", "Fix the status code", Instant.EPOCH)), flakyHere, patternFlaky,
        "feature", "main", defaultFailure, previousGreen);
  }

  @Test
  void decide_failedAndPassedOnThisCommit_isFlakyAndNamesTheCommit() {
    assertThat(Verdict.decide(facts(true, Optional.of(3L), true, 5, 9, Optional.empty())))
        .isEqualTo(new Verdict(Verdict.Kind.FLAKY, "job test both failed and passed on commit abcdef1"));
  }

  @Test
  void decide_defaultBranchFailsTheSameWay_saysSoWithItsRun() {
    assertThat(Verdict.decide(facts(false, Optional.of(42L), false, 0, 3, Optional.empty()))).isEqualTo(new Verdict(
        Verdict.Kind.ALREADY_FAILING_ON_DEFAULT_BRANCH, "the latest run on main (run 42) failed with the same pattern python.assert.http-status"));
  }

  @Test
  void decide_transientDiagnosis_isTransient() {
    assertThat(Verdict.decide(facts(false, Optional.empty(), true, 0, 3, Optional.empty())).kind()).isEqualTo(Verdict.Kind.TRANSIENT);
  }

  @Test
  void decide_patternFlakyOnTwoCommits_isFlaky() {
    assertThat(Verdict.decide(facts(false, Optional.empty(), false, 2, 3, Optional.empty())).evidence())
        .isEqualTo("pattern python.assert.http-status failed and then passed on the same commit 2 times");
  }

  @Test
  void decide_seenBefore_isKnownRecurringWithItsLastFix() {
    assertThat(Verdict.decide(facts(false, Optional.empty(), false, 1, 3, Optional.empty()))).isEqualTo(new Verdict(
        Verdict.Kind.KNOWN_RECURRING, "pattern python.assert.http-status seen 3 times before, last fixed by 0123456 Fix the status code"));
  }

  @Test
  void decide_neverSeenAfterAGreenRun_isNew() {
    assertThat(Verdict.decide(facts(false, Optional.empty(), false, 0, 0, Optional.of(7L)))).isEqualTo(new Verdict(
        Verdict.Kind.NEW, "first occurrence of pattern python.assert.http-status; the previous run on feature (run 7) passed"));
  }
}
