package dev.cidoctor.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cidoctor.analysis.Analyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The baselines on {@code eval-mini}, computed by hand. L is the labelled non-blank lines; tail is the
 * last 20 non-blank lines and keywords the last 20 lines matching error|fail|exception|fatal, newest first.
 *
 * <pre>
 * log  L       tail E      keywords E
 * a    {4}     [5,4,3,1]   [4]        (line 2 is labelled but blank)
 * b    {3}     [3,2,1]     [1]
 * c    {1,2}   [4,2,1]     [2,1]
 * d    -       [1]         []         (no label: counts only for the evidence median)
 * tail:     top1 1/3, hit 1, precision (1/4+1/3+2/3)/3 = 5/12, recall 1, median 3
 * keywords: top1 2/3, hit 2/3, precision 2/3, recall 2/3, median 1
 * </pre>
 */
class EvaluationTest {
  private static final Path MINI = Path.of("src/test/resources/eval-mini");

  @Test
  void run_miniDataset_baselinesMatchHandComputedFigures() {
    List<Evaluation.Result> results = new Evaluation(Analyzer.withRules(List.of())).run(MINI, p -> true, Set.of(), null);

    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.dataset()).isEqualTo("eval-mini");
      assertThat(r.analyzer().logs()).isEqualTo(4);
      assertThat(r.analyzer().labelled()).isEqualTo(3);
      Metrics tail = r.tail();
      assertThat(tail.top1()).isCloseTo(1.0 / 3, within(1e-9));
      assertThat(tail.hit()).isEqualTo(1.0);
      assertThat(tail.precision()).isCloseTo(5.0 / 12, within(1e-9));
      assertThat(tail.recall()).isEqualTo(1.0);
      assertThat(tail.f1()).isCloseTo(2 * (5.0 / 12) / (5.0 / 12 + 1), within(1e-9));
      assertThat(tail.medianEvidence()).isEqualTo(3.0);
      Metrics kw = r.keywords();
      assertThat(kw.top1()).isCloseTo(2.0 / 3, within(1e-9));
      assertThat(kw.hit()).isCloseTo(2.0 / 3, within(1e-9));
      assertThat(kw.precision()).isCloseTo(2.0 / 3, within(1e-9));
      assertThat(kw.recall()).isCloseTo(2.0 / 3, within(1e-9));
      assertThat(kw.f1()).isCloseTo(2.0 / 3, within(1e-9));
      assertThat(kw.medianEvidence()).isEqualTo(1.0);
      assertThat(r.analyzer().failedTestsRecall()).isNotNull();
    });
  }

  @Test
  void run_projectFilter_keepsOnlyTheChosenProjects() {
    List<Evaluation.Result> results = new Evaluation(Analyzer.withRules(List.of()))
        .run(MINI, p -> p.equals("octo/b"), Set.of(), null);

    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.tail().logs()).isEqualTo(1);
      assertThat(r.tail().top1()).isEqualTo(1.0);
      assertThat(r.keywords().hit()).isEqualTo(0.0);
    });
  }

  @Test
  void run_details_reportsOneRecordPerLogWithLabelledNonBlankLines() {
    List<Evaluation.Detail> details = new ArrayList<>();
    new Evaluation(Analyzer.withRules(List.of())).run(MINI, p -> true, Set.of(), details::add);

    assertThat(details).extracting(Evaluation.Detail::id).containsExactly("a", "b", "c", "d");
    assertThat(details).extracting(Evaluation.Detail::labelled)
        .containsExactly(List.of(4L), List.of(3L), List.of(1L, 2L), List.of());
  }

  @Test
  void inDevHalf_isStableForAProject() {
    assertThat(Evaluation.inDevHalf("octo/a")).isEqualTo(Evaluation.inDevHalf("octo/a"));
  }
}
