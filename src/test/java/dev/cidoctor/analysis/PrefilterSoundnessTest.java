package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.logs.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The prefilter may only ever skip lines a rule cannot match: on every line of every rule fixture
 * and sample log, a pattern that matches the line's text must have been reached through one of its
 * rule's literals (line-start literals included) and must pass its gate (leading text, required
 * runs, indentation, last character), both on its text and on its bytes before they are decoded.
 * A wrong derivation would silently lose diagnoses, so this tries every pattern on every line.
 * {@code -Dcidoctor.soundness.extra=DIR[:DIR...]} adds folders of logs (e.g. ../shared/corpus, about 11
 * minutes here for its 1.4 M lines); the suite runs without it.
 */
class PrefilterSoundnessTest {
  private static final KnowledgeBase KB = new Analyzer(RuleLoader.load(List.of())).knowledgeBase();

  @Test
  void everyMatchingLine_isReachedByALiteral_andAdmittedByTheGate() throws IOException {
    List<Path> logs = new ArrayList<>();
    List<String> dirs = new ArrayList<>(List.of("src/test/resources/rule-fixtures", "src/test/resources/logs", "examples"));
    String extra = System.getProperty("cidoctor.soundness.extra", "");
    if (!extra.isBlank()) {
      dirs.addAll(List.of(extra.split(java.io.File.pathSeparator)));
    }
    for (String dir : dirs) {
      try (Stream<Path> s = Files.walk(Path.of(dir))) {
        s.filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".txt")).forEach(logs::add);
      }
    }
    assertThat(logs).hasSizeGreaterThan(200);
    List<String> problems = new ArrayList<>();
    long[] matches = {0};
    int[] found = new int[Math.max(16, KB.literalCount())];
    int[] seen = new int[KB.literalCount()];
    int[] stamp = {0};
    LowerCase lower = new LowerCase();
    for (Path log : logs) {
      try (InputStream in = Files.newInputStream(log)) {
        LineReader.read(in, (number, bytes, offset, length, truncated) -> {
          String text = RuleText.of(bytes, offset, length); // what rules see
          int hits = KB.index.scan(bytes, offset, length, found, seen, ++stamp[0]);
          java.util.Set<Integer> reached = new java.util.HashSet<>();
          for (int i = 0; i < hits; i++) {
            if (found[i] < KB.firstKeyword) {
              for (int r : KB.rulesByLiteral[found[i]]) {
                reached.add(r);
              }
            }
          }
          for (int r = 0; r < KB.rules.size(); r++) {
            Rule rule = KB.rules.get(r);
            for (LinePattern p : rule.linePatterns()) {
              Matcher m = p.pattern().matcher(text);
              if (!p.find(m)) {
                continue;
              }
              matches[0]++;
              if (!rule.literals().isEmpty() && !reached.contains(r)) {
                problems.add(log + ":" + number + " matches " + rule.id() + " but no literal of it was found");
              }
              if (!p.admits(text, lower)) {
                problems.add(log + ":" + number + " matches " + rule.id() + " /" + p + "/ but its gate refused it");
              }
              if (!p.mayAdmitStart(bytes, RuleText.start(bytes, offset, offset + length), offset + length)) {
                problems.add(log + ":" + number + " matches " + rule.id() + " /" + p + "/ but its gate refused the line's bytes");
              }
            }
          }
        });
      }
    }
    assertThat(matches[0]).as("pattern matches checked").isGreaterThan(500);
    assertThat(problems).isEmpty();
  }
}
