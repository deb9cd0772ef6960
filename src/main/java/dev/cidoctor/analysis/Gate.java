package dev.cidoctor.analysis;

import dev.cidoctor.logs.LineText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a line must hold before a pattern is worth running: the literal text every match starts
 * with (for a pattern anchored at the line start) and the literal runs every match contains. A
 * substring test costs a fraction of a regex attempt, and most lines the literal prefilter hands
 * over (every {@code .java:} of a stack trace for javac's {@code X.java:12: error:}) fail it.
 */
record Gate(String lead, String[] runs, boolean ignoreCase, Literals.FirstChar first, Literals.Indent indent, char last) {
  static Gate of(String regex, int flags, String lead) {
    if ((flags & (Pattern.COMMENTS | Pattern.LITERAL)) != 0) {
      return null;
    }
    boolean ignoreCase = (flags & Pattern.CASE_INSENSITIVE) != 0 || regex.contains("(?i");
    Literals.FirstChar first = lead.isEmpty() ? Literals.firstChar(regex) : Literals.FirstChar.UNKNOWN;
    List<String> runs = new ArrayList<>();
    for (String run : Literals.requiredRuns(regex)) {
      if (!lead.contains(run)) {
        runs.add(ignoreCase ? run.toLowerCase(Locale.ROOT) : run);
      }
    }
    Literals.Indent indent = Literals.indent(regex);
    char last = Literals.lastChar(regex, flags);
    if (lead.isEmpty() && runs.isEmpty() && first.kind() == 0 && indent == null && last == 0) {
      return null;
    }
    return new Gate(ignoreCase ? lead.toLowerCase(Locale.ROOT) : lead, runs.toArray(String[]::new), ignoreCase, first, indent, last);
  }

  boolean admits(String text, LowerCase lower) {
    if (first.kind() != 0 && !firstCharFits(text)) {
      return false;
    }
    if (indent != null && !indentFits(text)) {
      return false;
    }
    if (last != 0 && !endsWithLast(text)) {
      return false;
    }
    String t = ignoreCase ? lower.of(text) : text;
    if (!t.startsWith(lead)) {
      return false;
    }
    for (String run : runs) {
      if (!t.contains(run)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Looks only at the start of a line's bytes ({@code from}: where the text rules see begins, {@link
   * RuleText#start}): false only when the indentation, the leading literal or the first character
   * surely turn the line away, so the scanner need not decode it. A byte that is not plain ASCII
   * (an escape sequence, a pager's {@code ^[}, UTF-8) where it looks makes it answer true.
   */
  boolean mayAdmitStart(byte[] b, int from, int end) {
    int n = 0;
    while (from + n < end && b[from + n] == ' ') {
      n++;
    }
    if (from + n < end && !LineText.isPlain(b[from + n])) {
      return true;
    }
    if (indent != null && (n < indent.min() || n > indent.max())) {
      return false;
    }
    for (int k = 0; k < lead.length(); k++) {
      if (from + k >= end) {
        return false;
      }
      int c = b[from + k];
      if (!LineText.isPlain((byte) c)) {
        return true;
      }
      if (ignoreCase && c >= 'A' && c <= 'Z') {
        c += 32;
      }
      if (c != lead.charAt(k)) {
        return false;
      }
    }
    if (first.kind() != 0) {
      int i = from;
      if (first.skipsSpace()) {
        while (i < end && LineText.isPlain(b[i]) && Character.isWhitespace((char) b[i])) {
          i++;
        }
      }
      if (i < end && !LineText.isPlain(b[i])) {
        return true;
      }
      return i < end && (first.kind() == 'd' ? Character.isDigit((char) b[i]) : b[i] == first.kind());
    }
    return true;
  }

  private boolean indentFits(String text) {
    int n = 0;
    while (n < text.length() && text.charAt(n) == ' ') {
      n++;
    }
    return n >= indent.min() && n <= indent.max();
  }

  /** Trailing characters {@code \\s*$} may pass over: {@code \\s} and the line separators {@code $} ends before. */
  private static final String TRAILING = " \t\n\u000B\f\r\u0085\u2028\u2029";

  private boolean endsWithLast(String text) {
    int i = text.length() - 1;
    while (i >= 0 && TRAILING.indexOf(text.charAt(i)) >= 0) {
      i--;
    }
    return i >= 0 && text.charAt(i) == last;
  }

  private boolean firstCharFits(String text) {
    int i = 0;
    int n = text.length();
    if (first.skipsSpace()) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
    }
    if (i >= n) {
      return false;
    }
    char c = text.charAt(i);
    return first.kind() == 'd' ? Character.isDigit(c) : c == first.kind();
  }
}
