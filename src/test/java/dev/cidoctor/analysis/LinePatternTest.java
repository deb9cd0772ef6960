package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LinePatternTest {
  @Test
  void readFromRulesBin_compilesOnFirstUse_withTheStoredFlags() {
    LinePattern p = new LinePattern("^FAILED (?<test>\\S+)", Pattern.CASE_INSENSITIVE, null, "FAILED ", true, null);
    assertThat(p.source()).isEqualTo("^FAILED (?<test>\\S+)");
    assertThat(p.flags()).isEqualTo(Pattern.CASE_INSENSITIVE);
    Pattern compiled = p.pattern();
    assertThat(compiled.flags()).isEqualTo(Pattern.CASE_INSENSITIVE);
    assertThat(p.find(compiled.matcher("failed a.b::c"))).isTrue();
    assertThat(p.find(compiled.matcher("x FAILED a"))).as("anchored: lookingAt").isFalse();
    assertThat(p.pattern()).isSameAs(compiled);
  }

  @Test
  void firstUseFromManyThreads_givesEveryThreadTheSamePattern() throws InterruptedException {
    for (int round = 0; round < 50; round++) {
      LinePattern p = new LinePattern("(?<a>x+)y" + round, 0, null, "", false, null);
      Set<Pattern> seen = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread th = new Thread(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          Pattern q = p.pattern();
          assertThat(q.matcher("xxy" + p.source().substring(9)).find()).isTrue();
          seen.add(q);
        });
        th.start();
        threads.add(th);
      }
      start.countDown();
      for (Thread th : threads) {
        th.join();
      }
      assertThat(seen).hasSize(1);
    }
  }

  /**
   * The indentation and last-character gates only ever turn away lines the regex cannot match:
   * tried on lines built to sit on their edges (tabs, separators {@code $} passes over, spaces past
   * the range, a trailing colon followed by a U+2028).
   */
  @Test
  void indentAndLastCharGates_neverTurnAwayALineTheRegexMatches() {
    List<String> regexes = List.of("^ {7,8}(?<t2>[^\\s:].*[^:\\s])\\s*$", "^ {7,8}(?<leaf>[^\\s].*?):\\s*$",
        "^ +x\\)$", "^rake aborted!$", "(?i)^ {2}fail(?:ed)?:\\s*$", "^  \\d+\\) (?<t>.*):$");
    List<String> pieces = List.of("", " ", "  ", "\t", "x", "x)", "FAILED", "fail", ":", "!", "rake aborted", "1) a", "\u2028",
        "\r", "\u0085", "\f", "\u000B", "\u00a0", "a b");
    LowerCase lower = new LowerCase();
    for (String regex : regexes) {
      assertThat(LinePattern.of(Pattern.compile(regex)).gate).as(regex).isNotNull();
    }
    assertGateNeverHidesAMatch(regexes, new java.util.Random(11), random -> " ".repeat(random.nextInt(14)), pieces,
        (p, text) -> p.admits(text, lower));
  }

  /**
   * Before a line is decoded, its gate looks at the start of its bytes: it must admit every line
   * whose cleaned text the regex matches, escape sequences, a pager's {@code ^[[}, UTF-8 and a
   * GitHub timestamp included.
   */
  @Test
  void gatesOnALinesBytes_neverTurnAwayALineWhoseTextTheRegexMatches() {
    List<String> regexes = List.of("^ {7,8}(?<t2>[^\\s:].*[^:\\s])\\s*$", "^ {7,8}(?<leaf>[^\\s].*?):\\s*$",
        "(?i)^ {2}fail(?:ed)?:\\s*$", "^  \\d+\\) (?<t>.*):$", "^\\s*\\d+\\) (?<t>\\S.*)$", "^FAILED (?<t>\\S+)",
        "(?i)^error: (?<m>.*)");
    List<String> pieces = List.of("", " ", "  ", "\t", "x", "FAILED ", "Failed", "error: ", ":", "1) a", "\u001b[31m", "\u001b[0m",
        "^[[1m", "\u00e9", "\u2028", "nl ", "\u001b", "^");
    List<String> travisNl = List.of("nl", "nl\u001b[0m", "nl^[[0m", "nl\u001b[1;31m\u001b[0m", "nl\u001b]x");
    assertGateNeverHidesAMatch(regexes, new java.util.Random(13), random -> (random.nextInt(4) == 0 ? "2024-12-10T00:12:50.2289674Z " : "")
        + (random.nextInt(4) == 0 ? travisNl.get(random.nextInt(travisNl.size())) : "") + " ".repeat(random.nextInt(12)), pieces,
        (p, line) -> {
          byte[] bytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          return p.mayAdmitStart(bytes, RuleText.start(bytes, 0, bytes.length), bytes.length);
        });
  }

  /**
   * Tries each regex on 4000 random lines (an opening, then up to four pieces) and checks that
   * {@code admits} holds for every line whose rule text the regex matches; the gates must also turn
   * some lines away, or the test would prove nothing.
   */
  private static void assertGateNeverHidesAMatch(List<String> regexes, java.util.Random random,
      java.util.function.Function<java.util.Random, String> opening, List<String> pieces,
      java.util.function.BiPredicate<LinePattern, String> admits) {
    int matched = 0;
    int turnedAway = 0;
    for (String regex : regexes) {
      LinePattern p = LinePattern.of(Pattern.compile(regex));
      for (int trial = 0; trial < 4000; trial++) {
        StringBuilder line = new StringBuilder(opening.apply(random));
        for (int k = random.nextInt(4); k >= 0; k--) {
          line.append(pieces.get(random.nextInt(pieces.size())));
        }
        byte[] bytes = line.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean admitted = admits.test(p, line.toString());
        if (p.find(p.pattern().matcher(RuleText.of(bytes, 0, bytes.length)))) {
          assertThat(admitted).as("%s on [%s]", regex, line).isTrue();
          matched++;
        } else if (!admitted) {
          turnedAway++;
        }
      }
    }
    assertThat(matched).as("lines that match").isGreaterThan(100);
    assertThat(turnedAway).as("lines turned away").isGreaterThan(1000);
  }
}
