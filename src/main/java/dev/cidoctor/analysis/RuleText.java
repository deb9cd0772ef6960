package dev.cidoctor.analysis;

import dev.cidoctor.logs.LineText;

/**
 * The text of a line as rules see it: {@link LineText#clean} without the {@code nl} that Travis'
 * macOS workers put before some output lines ({@code nl  1) suite test:}), which would hide a
 * runner's line from every rule anchored at its start. The literal prefilter, which reads bytes,
 * skips the same {@code nl} ({@link #travisNlLength}), so both see one line start.
 */
final class RuleText {
  private RuleText() {}

  /** The cleaned text of a line, without a leading Travis {@code nl}; a bare {@code nl} line is left alone. */
  static String of(byte[] bytes, int offset, int length) {
    String s = LineText.clean(bytes, offset, length);
    if (s.length() > 3 && s.startsWith("nl ")) {
      int i = 2;
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
      if (i < s.length()) {
        return s.substring(2);
      }
    }
    return s;
  }

  /**
   * 2 when the line's bytes from {@code from} (past its BOM and timestamp) are Travis' {@code nl}
   * before spaces and more text, as {@link #of} drops it; else 0.
   */
  static int travisNlLength(byte[] b, int from, int end) {
    if (end - from > 3 && b[from] == 'n' && b[from + 1] == 'l' && b[from + 2] == ' ') {
      for (int i = from + 3; i < end; i++) {
        if (b[i] != ' ') {
          return 2;
        }
      }
    }
    return 0;
  }
}
