package dev.cidoctor.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cidoctor.analysis.Analyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the evaluation on the shared corpus (../shared/corpus, or the folder named by the system property
 * {@code cidoctor.shared}) when it is there. Which line the analyzer picks will change; this only checks
 * that every dataset is read and that the analyzer finds a labelled line more often than both baselines.
 */
class CorpusEvalTest {
  @Test
  void run_sharedCorpus_readsEveryDatasetAndBeatsBothBaselinesOnHit() throws IOException {
    Path corpus = Path.of(System.getProperty("cidoctor.shared", "../shared")).resolve("corpus");
    assumeTrue(Files.isDirectory(corpus), "no shared corpus at " + corpus.toAbsolutePath());
    Map<String, Long> expected = new TreeMap<>();
    try (Stream<Path> s = Files.list(corpus)) {
      for (Path ds : s.filter(p -> Files.isRegularFile(p.resolve("labels.jsonl"))).toList()) {
        try (Stream<String> lines = Files.lines(ds.resolve("labels.jsonl"))) {
          expected.put(ds.getFileName().toString(), lines.filter(l -> !l.isBlank()).count());
        }
      }
    }

    List<Evaluation.Result> results = new Evaluation(Analyzer.withRules(List.of())).run(corpus, p -> true, Set.of(), null);

    Map<String, Long> read = new TreeMap<>();
    results.forEach(r -> read.put(r.dataset(), (long) r.analyzer().logs()));
    assertThat(read).isEqualTo(expected);
    double analyzer = pooledHit(results, Evaluation.Result::analyzer);
    assertThat(analyzer).as("analyzer hit vs tail").isGreaterThan(pooledHit(results, Evaluation.Result::tail));
    assertThat(analyzer).as("analyzer hit vs keywords").isGreaterThan(pooledHit(results, Evaluation.Result::keywords));
  }

  /** Hit over all labelled logs of all datasets. */
  private static double pooledHit(List<Evaluation.Result> results, Function<Evaluation.Result, Metrics> which) {
    double hits = 0;
    int labelled = 0;
    for (Evaluation.Result r : results) {
      Metrics m = which.apply(r);
      if (m.labelled() > 0) {
        hits += m.hit() * m.labelled();
        labelled += m.labelled();
      }
    }
    return hits / labelled;
  }
}
