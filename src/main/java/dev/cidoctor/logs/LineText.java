package dev.cidoctor.logs;

import java.nio.charset.StandardCharsets;

/**
 * Turns the raw bytes of one log line into the text a person reads: UTF-8 (invalid bytes become
 * U+FFFD), without a byte-order mark, without the GitHub Actions timestamp prefix
 * ({@code 2024-01-02T03:04:05.1234567Z }), and without ANSI escape sequences.
 */
public final class LineText {
  /** Longest text kept for a line; what a person needs of a line fits in far less. */
  public static final int MAX_CHARS = 4096;

  private static final java.util.regex.Pattern CARET_ANSI = java.util.regex.Pattern.compile("\\^\\[\\[[0-9;?]*[A-Za-z]");

  private LineText() {}

  /** Decodes and cleans one line. */
  public static String clean(byte[] bytes, int offset, int length) {
    int from = offset;
    int end = offset + length;
    if (end - from >= 3 && (bytes[from] & 0xFF) == 0xEF && (bytes[from + 1] & 0xFF) == 0xBB
        && (bytes[from + 2] & 0xFF) == 0xBF) {
      from += 3;
    }
    from += timestampLength(bytes, from, end);
    int take = Math.min(end - from, MAX_CHARS);
    if (isPlainAscii(bytes, from, from + take)) {
      return new String(bytes, from, take, StandardCharsets.ISO_8859_1); // the same text as UTF-8, one copy
    }
    String s = new String(bytes, from, take, StandardCharsets.UTF_8);
    if (s.indexOf('\u001b') >= 0) {
      s = stripAnsi(s);
    }
    if (s.indexOf("^[[") >= 0) {
      s = CARET_ANSI.matcher(s).replaceAll(""); // logs saved through a terminal pager spell ESC as ^[
    }
    return s;
  }

  /**
   * Says whether bytes are ASCII without ESC and without {@code ^}: most log lines, whose text is
   * then the bytes themselves. One pass, where decoding and looking for both escapes took three.
   */
  private static boolean isPlainAscii(byte[] b, int from, int end) {
    for (int i = from; i < end; i++) {
      if (!isPlain(b[i])) {
        return false;
      }
    }
    return true;
  }

  /** Says whether a byte stands for itself in the cleaned text: ASCII, not ESC, not the {@code ^} of a pager's {@code ^[}. */
  public static boolean isPlain(byte c) {
    return c >= 0 && c != 0x1b && c != '^';
  }

  /** Returns the length of a leading GitHub Actions timestamp and its space, or 0 when there is none. */
  public static int timestampLength(byte[] b, int from, int end) {
    // 2024-12-10T00:12:50.2289674Z + space: at least "YYYY-MM-DDTHH:MM:SSZ " (21 bytes)
    if (end - from < 21 || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T'
        || b[from + 13] != ':' || b[from + 16] != ':' || !isDigit(b[from]) || !isDigit(b[from + 3])) {
      return 0;
    }
    int i = from + 19;
    if (b[i] == '.') {
      i++;
      while (i < end && isDigit(b[i])) {
        i++;
      }
    }
    if (i + 1 < end && b[i] == 'Z' && b[i + 1] == ' ') {
      return i + 2 - from;
    }
    if (i + 1 == end && b[i] == 'Z') {
      return i + 1 - from;
    }
    return 0;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /** Removes CSI ({@code ESC [ ... final}), OSC ({@code ESC ] ... BEL|ST}) and two-byte escapes. */
  public static String stripAnsi(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c != '\u001b') {
        out.append(c);
        continue;
      }
      if (i + 1 >= n) {
        break;
      }
      char k = s.charAt(i + 1);
      if (k == '[') {
        int j = i + 2;
        while (j < n && (s.charAt(j) < '@' || s.charAt(j) > '~')) {
          j++;
        }
        i = j;
      } else if (k == ']') {
        int j = i + 2;
        while (j < n && s.charAt(j) != '\u0007' && !(s.charAt(j) == '\u001b' && j + 1 < n && s.charAt(j + 1) == '\\')) {
          j++;
        }
        i = (j < n && s.charAt(j) == '\u001b') ? j + 1 : j;
      } else {
        i++;
      }
    }
    return out.toString();
  }
}
