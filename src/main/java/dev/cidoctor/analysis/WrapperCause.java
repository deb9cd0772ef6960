package dev.cidoctor.analysis;

import java.util.Locale;

/**
 * Finds what a generic wrapper line repeats ({@code primary: above} rules: "make: *** [all] Error 2",
 * "error Command failed with exit code 1."): the tool output above it, which names the real cause.
 */
final class WrapperCause {
  /** Lines above a {@code primary: above} match searched for the output it repeats. */
  static final int LOOKBACK = 10;

  private WrapperCause() {}

  /**
   * The last line of output above a wrapper, which is what the wrapper repeats (a linter's file
   * list, a tool's message). Blank lines, lines without a letter or digit, stack frames, other wrapper
   * lines and lines of the wrapper's own tool are skipped; a step or command boundary ends the search.
   */
  static ContextLine lineAbove(Candidate c) {
    String own = firstWord(c.text);
    for (int i = c.before.size() - 1; i >= 0; i--) {
      ContextLine l = c.before.get(i);
      String t = l.text().strip();
      if (Heuristics.endsBlock(t)) {
        return null;
      }
      if (t.isEmpty() || t.chars().noneMatch(Character::isLetterOrDigit)) {
        continue;
      }
      if (Heuristics.repeatsOnly(l.text()) || (own != null && own.equals(firstWord(t)))) {
        continue;
      }
      return l;
    }
    return null;
  }

  /** The first word of a line up to a '[', ':' or space ("make" of "make[2]: ***", "npm" of "npm ERR!"), or null. */
  private static String firstWord(String text) {
    String t = text.strip();
    int end = 0;
    while (end < t.length() && Character.isLetterOrDigit(t.charAt(end))) {
      end++;
    }
    return end == 0 ? null : t.substring(0, end).toLowerCase(Locale.ROOT);
  }
}
