package dev.cidoctor.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The corpus metrics on cases small enough to compute by hand. */
class MetricsTest {
  @Test
  void addLines_primaryInLabels_countsTop1AndHit() {
    Metrics m = new Metrics();
    m.addLines(List.of(5L, 6L), Set.of(5L));

    assertThat(m.top1()).isEqualTo(1.0);
    assertThat(m.hit()).isEqualTo(1.0);
    assertThat(m.precision()).isEqualTo(0.5);
    assertThat(m.recall()).isEqualTo(1.0);
    assertThat(m.f1()).isCloseTo(2 * 0.5 / 1.5, within(1e-12));
  }

  @Test
  void addLines_twoLogs_averagesPerLog() {
    Metrics m = new Metrics();
    // log 1: E = [3, 7, 9], L = {7, 8}: not top1, hit, precision 1/3, recall 1/2
    m.addLines(List.of(3L, 7L, 9L), Set.of(7L, 8L));
    // log 2: E = [1], L = {2}: nothing
    m.addLines(List.of(1L), Set.of(2L));

    assertThat(m.top1()).isEqualTo(0.0);
    assertThat(m.hit()).isEqualTo(0.5);
    assertThat(m.precision()).isCloseTo((1.0 / 3) / 2, within(1e-12));
    assertThat(m.recall()).isCloseTo(0.25, within(1e-12));
    double p = 1.0 / 6;
    double r = 0.25;
    assertThat(m.f1()).isCloseTo(2 * p * r / (p + r), within(1e-12));
    assertThat(m.logs()).isEqualTo(2);
    assertThat(m.labelled()).isEqualTo(2);
  }

  @Test
  void addLines_noLabels_countsOnlyEvidenceSize() {
    Metrics m = new Metrics();
    m.addLines(List.of(1L, 2L), Set.of());

    assertThat(m.logs()).isEqualTo(1);
    assertThat(m.top1()).isNull();
    assertThat(m.hit()).isNull();
    assertThat(m.precision()).isNull();
    assertThat(m.recall()).isNull();
    assertThat(m.f1()).isNull();
    assertThat(m.medianEvidence()).isEqualTo(2.0);
  }

  @Test
  void addLines_emptyEvidence_scoresZeroPrecision() {
    Metrics m = new Metrics();
    m.addLines(List.of(), Set.of(4L));

    assertThat(m.top1()).isEqualTo(0.0);
    assertThat(m.hit()).isEqualTo(0.0);
    assertThat(m.precision()).isEqualTo(0.0);
    assertThat(m.recall()).isEqualTo(0.0);
    assertThat(m.f1()).isEqualTo(0.0);
  }

  @Test
  void addLines_moreThan40EvidenceLines_countsOnlyTheFirst40() {
    Metrics m = new Metrics();
    List<Long> evidence = LongStream.rangeClosed(1, 50).boxed().toList();
    m.addLines(evidence, Set.of(45L, 10L));

    assertThat(m.recall()).isEqualTo(0.5);
    assertThat(m.precision()).isCloseTo(1.0 / 40, within(1e-12));
    assertThat(m.medianEvidence()).isEqualTo(40.0);
  }

  @Test
  void addLines_duplicateEvidence_countsEachLineOnce() {
    Metrics m = new Metrics();
    m.addLines(List.of(2L, 2L, 3L), Set.of(2L));

    assertThat(m.precision()).isEqualTo(0.5);
    assertThat(m.recall()).isEqualTo(1.0);
  }

  @Test
  void addCategory_otherAndNull_areNotCounted() {
    Metrics m = new Metrics();
    m.addCategory("test_failure", "test_failure");
    m.addCategory("timeout", "other");
    m.addCategory("other", "other");
    m.addCategory(null, "timeout");

    assertThat(m.categoryAccuracy()).isEqualTo(0.5);
  }

  @Test
  void addCategory_noneCounted_isNull() {
    assertThat(new Metrics().categoryAccuracy()).isNull();
  }

  @Test
  void addTests_normalisesCaseSeparatorsAndParameters() {
    Metrics m = new Metrics();
    // log 1: 2 of 3 found
    m.addTests(List.of("tests/test_api.py::test_create[user-1]", "TestFoo.testBar", "test_missing"),
        List.of("TESTS/TEST_API.PY::TEST_CREATE", "testfoo#testbar"));
    // log 2: 1 of 1 found
    m.addTests(List.of("pkg.Module.test_x"), List.of("pkg/Module/test_x[param]"));
    // no expectation: not counted
    m.addTests(List.of(), List.of("anything"));

    assertThat(m.failedTestsRecall()).isCloseTo((2.0 / 3 + 1.0) / 2, within(1e-12));
  }

  @Test
  void normalizeTest_keepsLowerCaseLettersAndDigitsWithoutParameters() {
    assertThat(Metrics.normalizeTest("tests/test_api.py::Test_Create[a-b][c]")).isEqualTo("teststestapipytestcreate");
  }

  @Test
  void medianEvidence_evenCount_averagesTheMiddleTwo() {
    Metrics m = new Metrics();
    m.addLines(List.of(1L), Set.of());
    m.addLines(List.of(1L, 2L, 3L, 4L), Set.of());
    m.addLines(List.of(1L, 2L), Set.of());
    m.addLines(List.of(), Set.of());

    assertThat(m.medianEvidence()).isEqualTo(1.5);
  }

  @Test
  void medianEvidence_noLogs_isNull() {
    assertThat(new Metrics().medianEvidence()).isNull();
  }
}
