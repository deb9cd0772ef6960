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
   * Where the text rules see starts in a line's bytes: past a byte-order mark, a GitHub Actions
   * timestamp and Travis' {@code nl}, which {@link #of} drops too.
   */
  static int start(byte[] b, int offset, int end) {
    int start = offset;
    if (end - start >= 3 && (b[start] & 0xFF) == 0xEF && (b[start + 1] & 0xFF) == 0xBB && (b[start + 2] & 0xFF) == 0xBF) {
      start += 3;
    }
    start += LineText.timestampLength(b, start, end);
    return start + travisNlLength(b, start, end);
  }

  /**
   * 2 when the line's bytes from {@code from} (past its BOM and timestamp) are Travis' {@code nl}
   * before spaces and more text, as {@link #of} drops it (colour codes between the {@code nl} and the
   * spaces, which {@link #of} strips first, included); else 0.
   */
  static int travisNlLength(byte[] b, int from, int end) {
    if (end - from <= 3 || b[from] != 'n' || b[from + 1] != 'l') {
      return 0;
    }
    int i = from + 2;
    while (i < end && (b[i] == 0x1b || b[i] == '^')) {
      int after = colourCodeEnd(b, i, end);
      if (after < 0) {
        return 0;
      }
      i = after;
    }
    if (i >= end || b[i] != ' ') {
      return 0;
    }
    for (int k = i + 1; k < end; k++) {
      if (b[k] != ' ') {
        return 2;
      }
    }
    return 0;
  }

  /** The index after an ANSI colour code ({@code ESC[...m}, or a pager's {@code ^[[...m}) at {@code i}, or -1. */
  private static int colourCodeEnd(byte[] b, int i, int end) {
    int j;
    if (b[i] == 0x1b && i + 1 < end && b[i + 1] == '[') {
      j = i + 2;
    } else if (b[i] == '^' && i + 2 < end && b[i + 1] == '[' && b[i + 2] == '[') {
      j = i + 3;
    } else {
      return -1;
    }
    while (j < end && (b[j] >= '0' && b[j] <= '9' || b[j] == ';' || b[j] == '?')) {
      j++;
    }
    return j < end && (b[j] >= 'A' && b[j] <= 'Z' || b[j] >= 'a' && b[j] <= 'z') ? j + 1 : -1;
  }
}
