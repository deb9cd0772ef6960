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

  /**
   * The cleaned text of a line, without a leading Travis {@code nl} where {@link #travisNlLength} finds
   * one in the bytes (before spaces and more text, or before a colour code: xcpretty's {@code
   * nl ESC[31m❌  file:1:2: error}); a bare {@code nl} line and a word such as {@code nlohmann} are left alone.
   */
  static String of(byte[] bytes, int offset, int length) {
    String s = LineText.clean(bytes, offset, length);
    int end = offset + length;
    if (s.startsWith("nl") && travisNlLength(bytes, afterBomAndTimestamp(bytes, offset, end), end) == 2) {
      return s.substring(2);
    }
    return s;
  }

  /**
   * Where the text rules see starts in a line's bytes: past a byte-order mark, a GitHub Actions
   * timestamp and Travis' {@code nl}, which {@link #of} drops too.
   */
  static int start(byte[] b, int offset, int end) {
    int start = afterBomAndTimestamp(b, offset, end);
    return start + travisNlLength(b, start, end);
  }

  private static int afterBomAndTimestamp(byte[] b, int offset, int end) {
    int start = offset;
    if (end - start >= 3 && (b[start] & 0xFF) == 0xEF && (b[start + 1] & 0xFF) == 0xBB && (b[start + 2] & 0xFF) == 0xBF) {
      start += 3;
    }
    return start + LineText.timestampLength(b, start, end);
  }

  /**
   * 2 when the line's bytes from {@code from} (past its BOM and timestamp) are Travis' {@code nl}
   * before spaces and more text, as {@link #of} drops it; else 0. A colour code right after the
   * {@code nl} (vscode's {@code nl ESC[0m  1) ...}) also counts: {@link #of} strips it first, and
   * whoever reads the bytes from there meets the escape, which the prefilter skips and a byte gate
   * treats as "decode and see".
   */
  static int travisNlLength(byte[] b, int from, int end) {
    if (end - from <= 3 || b[from] != 'n' || b[from + 1] != 'l') {
      return 0;
    }
    int c = b[from + 2];
    if (c == 0x1b || (c == '^' && b[from + 3] == '[' && from + 4 < end && b[from + 4] == '[')) {
      return 2;
    }
    if (c != ' ') {
      return 0;
    }
    for (int k = from + 3; k < end; k++) {
      if (b[k] != ' ') {
        return 2;
      }
    }
    return 0;
  }

}
