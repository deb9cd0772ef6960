package dev.cidoctor.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Accumulates the corpus metrics over logs, as ../shared/corpus/README.md defines them: E is the
 * evidence (first 40 lines), e1 its first line, L the labelled non-blank lines.
 */
public final class Metrics {
  static final int MAX_EVIDENCE = 40;
  private int withLabels;
  private int top1;
  private int hit;
  private double precisionSum;
  private double recallSum;
  private int withCategory;
  private int categoryRight;
  private int withTests;
  private double testRecallSum;
  private final List<Integer> evidenceSizes = new ArrayList<>();
  private int logs;

  /** Adds one log's lines: {@code evidence} in reported order, {@code labelled} non-blank. */
  void addLines(List<Long> evidence, Set<Long> labelled) {
    logs++;
    List<Long> e = evidence.size() > MAX_EVIDENCE ? evidence.subList(0, MAX_EVIDENCE) : evidence;
    evidenceSizes.add(e.size());
    if (labelled.isEmpty()) {
      return;
    }
    withLabels++;
    if (!e.isEmpty() && labelled.contains(e.get(0))) {
      top1++;
    }
    long common = e.stream().distinct().filter(labelled::contains).count();
    if (common > 0) {
      hit++;
    }
    precisionSum += e.isEmpty() ? 0 : (double) common / e.stream().distinct().count();
    recallSum += (double) common / labelled.size();
  }

  /** Adds one category verdict; {@code expected} null or "other" is not counted. */
  void addCategory(String expected, String actualNormalized) {
    if (expected == null || expected.equals("other")) {
      return;
    }
    withCategory++;
    if (expected.equals(actualNormalized)) {
      categoryRight++;
    }
  }

  /** Adds the failed-test recall of one log that expects some failed tests. */
  void addTests(List<String> expected, List<String> found) {
    if (expected.isEmpty()) {
      return;
    }
    withTests++;
    Set<String> have = new java.util.HashSet<>();
    for (String f : found) {
      have.add(normalizeTest(f));
    }
    int n = 0;
    for (String x : expected) {
      if (have.contains(normalizeTest(x))) {
        n++;
      }
    }
    testRecallSum += (double) n / expected.size();
  }

  /** Lower-case, letters and digits only, parameters in [...] dropped. */
  static String normalizeTest(String name) {
    String s = name.replaceAll("\\[[^\\]]*\\]", "");
    StringBuilder sb = new StringBuilder();
    for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  public int logs() {
    return logs;
  }

  int labelled() {
    return withLabels;
  }

  Double top1() {
    return withLabels == 0 ? null : (double) top1 / withLabels;
  }

  Double hit() {
    return withLabels == 0 ? null : (double) hit / withLabels;
  }

  Double precision() {
    return withLabels == 0 ? null : precisionSum / withLabels;
  }

  Double recall() {
    return withLabels == 0 ? null : recallSum / withLabels;
  }

  Double f1() {
    Double p = precision();
    Double r = recall();
    if (p == null || r == null) {
      return null;
    }
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }

  Double categoryAccuracy() {
    return withCategory == 0 ? null : (double) categoryRight / withCategory;
  }

  Double failedTestsRecall() {
    return withTests == 0 ? null : testRecallSum / withTests;
  }

  Double medianEvidence() {
    if (evidenceSizes.isEmpty()) {
      return null;
    }
    List<Integer> s = new ArrayList<>(evidenceSizes);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
  }
}
