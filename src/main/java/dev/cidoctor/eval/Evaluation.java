package dev.cidoctor.eval;

import dev.cidoctor.analysis.Analyzer;
import dev.cidoctor.logs.LineReader;
import dev.cidoctor.logs.LineText;
import dev.cidoctor.logs.LogInputException;
import dev.cidoctor.model.Category;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Runs the analyzer and the two naive baselines over datasets and accumulates their metrics. */
public final class Evaluation {
  static final int BASELINE_LINES = 20;
  private static final Pattern KEYWORD = Pattern.compile("(?i)error|fail|exception|fatal");

  /** Metrics of one dataset: the analyzer's and the baselines'. */
  public record Result(String dataset, Metrics analyzer, Metrics tail, Metrics keywords) {}

  /** One log's outcome, for the details file. */
  public record Detail(String dataset, String id, String project, List<Long> labelled, List<Long> evidence,
      boolean top1, boolean hit, String expectedCategory, String category, String ruleId) {}

  private final Analyzer analyzer;

  public Evaluation(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** Maps an analyzer category to the corpus' normalised vocabulary. */
  static String normalized(Category c) {
    return switch (c) {
      case TEST_FAILURE -> "test_failure";
      case COMPILATION_ERROR -> "compilation_error";
      case TYPE_ERROR -> "type_check";
      case LINT_ERROR -> "lint_format";
      case DEPENDENCY_ERROR -> "dependency_resolution";
      case NETWORK_ERROR -> "network_transient";
      case TIMEOUT -> "timeout";
      case OUT_OF_RESOURCES -> "oom_resource";
      case CONFIGURATION_ERROR -> "config_permission_secret";
      case INFRASTRUCTURE_ERROR -> "infrastructure_runner";
      case DOCKER_BUILD_ERROR -> "docker_build";
      case CANCELLED -> "cancelled";
      case UNKNOWN -> "other";
    };
  }

  /** Says whether a project is in the "dev" half of the deterministic split (first SHA-1 hex digit even). */
  public static boolean inDevHalf(String project) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(project.getBytes(StandardCharsets.UTF_8));
      return ((d[0] >> 4) & 0xF) % 2 == 0;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JDK", e);
    }
  }

  public List<Result> run(Path root, Predicate<String> projectFilter, Set<String> datasetFilter, Consumer<Detail> details) {
    List<Result> out = new ArrayList<>();
    for (Path ds : Datasets.find(root)) {
      List<LabelledLog> logs = Datasets.read(ds);
      if (logs.isEmpty()) {
        continue;
      }
      String name = logs.get(0).dataset();
      if (!datasetFilter.isEmpty() && !datasetFilter.contains(name)) {
        continue;
      }
      Metrics m = new Metrics();
      Metrics tail = new Metrics();
      Metrics kw = new Metrics();
      // A dataset from one or two projects (pytorch's excerpts) is split by log instead of project.
      boolean byLog = logs.stream().map(LabelledLog::project).distinct().count() < 3;
      for (LabelledLog log : logs) {
        if (!projectFilter.test(byLog ? log.id() : log.project())) {
          continue;
        }
        evaluate(log, m, tail, kw, details);
      }
      if (m.logs() > 0) {
        out.add(new Result(name, m, tail, kw));
      }
    }
    return out;
  }

  private void evaluate(LabelledLog log, Metrics m, Metrics tail, Metrics kw, Consumer<Detail> details) {
    if (!Files.isRegularFile(log.log())) {
      throw new LogInputException(log.log() + " is listed in labels.jsonl but does not exist.");
    }
    Diagnosis d;
    try (InputStream in = Files.newInputStream(log.log())) {
      d = analyzer.analyze(log.log().toString(), null, null, in);
    } catch (IOException e) {
      throw new LogInputException(log.log() + " cannot be read: " + e.getMessage() + ".", e);
    }
    Set<Long> nonBlank = new HashSet<>();
    ArrayDeque<Long> lastLines = new ArrayDeque<>();
    ArrayDeque<Long> lastKeyword = new ArrayDeque<>();
    try (InputStream in = Files.newInputStream(log.log())) {
      LineReader.read(in, (number, bytes, off, len, cut) -> {
        String text = LineText.clean(bytes, off, len);
        if (text.isBlank()) {
          return;
        }
        if (log.labelledLines().contains(number)) {
          nonBlank.add(number);
        }
        push(lastLines, number);
        if (KEYWORD.matcher(text).find()) {
          push(lastKeyword, number);
        }
      });
    } catch (IOException e) {
      throw new LogInputException(log.log() + " cannot be read: " + e.getMessage() + ".", e);
    }
    List<Long> evidence = d.evidence().stream().map(Evidence::line).toList();
    m.addLines(evidence, nonBlank);
    m.addCategory(log.category(), normalized(d.category()));
    m.addTests(log.failedTests(), d.failedTests());
    tail.addLines(newestFirst(lastLines), nonBlank);
    kw.addLines(newestFirst(lastKeyword), nonBlank);
    if (details != null) {
      boolean top1 = !evidence.isEmpty() && nonBlank.contains(evidence.get(0));
      boolean hit = evidence.stream().anyMatch(nonBlank::contains);
      details.accept(new Detail(log.dataset(), log.id(), log.project(), nonBlank.stream().sorted().toList(),
          evidence, top1, hit, log.category(), d.category().wireName(), d.ruleId()));
    }
  }

  private static void push(ArrayDeque<Long> q, long n) {
    q.addLast(n);
    if (q.size() > BASELINE_LINES) {
      q.removeFirst();
    }
  }

  private static List<Long> newestFirst(ArrayDeque<Long> q) {
    List<Long> out = new ArrayList<>(q);
    java.util.Collections.reverse(out);
    return out;
  }

  /** The metrics of a row as name to value (null where the dataset gives no label for it). */
  public static Map<String, Double> row(Metrics m) {
    Map<String, Double> r = new LinkedHashMap<>();
    r.put("top1", m.top1());
    r.put("hit", m.hit());
    r.put("precision", m.precision());
    r.put("recall", m.recall());
    r.put("f1", m.f1());
    r.put("category_acc", m.categoryAccuracy());
    r.put("failed_tests_recall", m.failedTestsRecall());
    r.put("median_evidence_lines", m.medianEvidence());
    return r;
  }

}
