package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prefilter finds which literals a raw line holds, ignoring ASCII case and ANSI escape sequences. */
class LiteralIndexTest {
  private static final List<String> LITERALS = List.of("error", "npm err!", "connection refused", "err");

  @Test
  void scan_mixedCase_findsTheLiteral() {
    assertThat(found("FATAL: Connection REFUSED by 10.0.0.1")).containsExactly("connection refused");
  }

  @Test
  void scan_overlappingLiterals_findsEach() {
    assertThat(found("npm ERR! code E404")).containsExactlyInAnyOrder("err", "npm err!");
    assertThat(found("ERROR")).containsExactlyInAnyOrder("err", "error");
  }

  @Test
  void scan_ansiSequenceInsideAWord_isSkipped() {
    assertThat(found("\u001b[31mErr\u001b[0;1mor\u001b[0m: boom")).containsExactlyInAnyOrder("err", "error");
  }

  @Test
  void scan_ansiSpelledWithCaret_isSkippedToo() {
    assertThat(found("^[[38;5;9mErr^[[0mor: boom")).containsExactlyInAnyOrder("err", "error");
  }

  @Test
  void scan_oscHyperlinkAroundWords_findsTheWords() {
    assertThat(found("\u001b]8;;http://x\u001b\\connection refused\u001b]8;;\u001b\\ by host")).containsExactly("connection refused");
  }

  @Test
  void scan_literalRepeated_isReportedOnce() {
    assertThat(found("err err err")).containsExactly("err");
  }

  @Test
  void scan_noLiteral_findsNothing() {
    assertThat(found("Downloaded lib.jar (12 kB)")).isEmpty();
  }

  @Test
  void scan_newStamp_reportsAgain() {
    LiteralIndex index = new LiteralIndex(LITERALS);
    int[] found = new int[8];
    int[] seen = new int[LITERALS.size()];
    byte[] line = "err".getBytes(StandardCharsets.UTF_8);
    assertThat(index.scan(line, 0, line.length, found, seen, 1)).isEqualTo(1);
    assertThat(index.scan(line, 0, line.length, found, seen, 1)).isZero();
    assertThat(index.scan(line, 0, line.length, found, seen, 2)).isEqualTo(1);
    assertThat(index.literalCount()).isEqualTo(4);
  }

  @Test
  void scan_nonAsciiLiteral_matchesItsUtf8Bytes() {
    LiteralIndex index = new LiteralIndex(List.of("\u2717 fail"));
    byte[] line = "  \u2717 FAIL  src/a.test.ts".getBytes(StandardCharsets.UTF_8);
    assertThat(index.scan(line, 0, line.length, new int[4], new int[1], 1)).isEqualTo(1);
  }

  @Test
  void scan_lineStartLiteral_matchesOnlyAtTheStartOfTheText() {
    List<String> literals = List.of(LiteralIndex.LINE_START + "fail ", "fail ");
    assertThat(found(literals, "FAIL src/a.test.js")).containsExactlyInAnyOrder(literals.get(0), "fail ");
    assertThat(found(literals, "  FAIL src/a.test.js")).containsExactly("fail ");
    assertThat(found(literals, "2024-01-02T03:04:05.1234567Z FAIL src/a.test.js")).contains(literals.get(0));
    assertThat(found(literals, "\ufeff\u001b[31mFAIL\u001b[0m src/a.test.js")).contains(literals.get(0));
    assertThat(found(literals, "x FAIL y")).containsExactly("fail ");
    assertThat(found(List.of(LiteralIndex.LINE_START + "  1) "), "nl  1) suite test:")).hasSize(1); // Travis macOS
    assertThat(found(List.of(LiteralIndex.LINE_START + "nl "), "nl ")).hasSize(1); // a bare nl stays
  }

  private static List<String> found(String text) {
    return found(LITERALS, text);
  }

  private static List<String> found(List<String> literals, String text) {
    LiteralIndex index = new LiteralIndex(literals);
    byte[] line = text.getBytes(StandardCharsets.UTF_8);
    int[] found = new int[8];
    int n = index.scan(line, 0, line.length, found, new int[literals.size()], 1);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(literals.get(found[i]));
    }
    return out;
  }

  /** A literal holding '^' is found, while '^[[' opening an ANSI sequence is still skipped. */
  @Test
  void scan_caretInALiteral_isMatched_andACaretEscapeIsSkipped() {
    List<String> literals = List.of("x^2", "^^", "error");
    assertThat(found(literals, "got x^2 and ^^ here")).containsExactlyInAnyOrder("x^2", "^^");
    assertThat(found(literals, "^[[31mErr^[[0mor ^[[1mx^2")).containsExactlyInAnyOrder("error", "x^2");
    assertThat(found(literals, "x^[[0m^2")).containsExactly("x^2");
  }

  /** The automaton against a plain substring search, on small alphabets where literals overlap a lot. */
  @Test
  void scan_randomLiteralsAndLines_findsWhatASubstringSearchFinds() {
    java.util.Random random = new java.util.Random(7);
    String alphabet = "abcAB :^"; // '^' has a cell of its own in the table (a pager's ESC), yet may be in a literal
    for (int round = 0; round < 300; round++) {
      List<String> literals = new ArrayList<>();
      for (int k = 1 + random.nextInt(40); k > 0; k--) {
        String lit = randomText(random, "abc :^", 1 + random.nextInt(6));
        literals.add(random.nextInt(4) == 0 ? LiteralIndex.LINE_START + lit : lit);
      }
      LiteralIndex index = new LiteralIndex(literals);
      int[] found = new int[literals.size()];
      int[] seen = new int[literals.size()];
      for (int n = 0; n < 30; n++) {
        String line = randomText(random, alphabet, random.nextInt(30));
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        int count = index.scan(bytes, 0, bytes.length, found, seen, round * 100 + n + 1);
        java.util.Set<String> got = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
          got.add(literals.get(found[i]));
        }
        java.util.Set<String> expected = new java.util.HashSet<>();
        String lower = line.toLowerCase(java.util.Locale.ROOT);
        for (String lit : literals) {
          boolean atStart = lit.charAt(0) == LiteralIndex.LINE_START;
          if (atStart ? lower.startsWith(lit.substring(1)) : lower.contains(lit)) {
            expected.add(lit);
          }
        }
        assertThat(got).as("%s in '%s'", literals, line).isEqualTo(expected);
      }
    }
  }

  private static String randomText(java.util.Random random, String alphabet, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
