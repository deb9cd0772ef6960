package dev.cidoctor.analysis;

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
record Gate(String lead, String[] runs, boolean ignoreCase, Literals.FirstChar first) {
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
    if (lead.isEmpty() && runs.isEmpty() && first.kind() == 0) {
      return null;
    }
    return new Gate(ignoreCase ? lead.toLowerCase(Locale.ROOT) : lead, runs.toArray(String[]::new), ignoreCase, first);
  }

  boolean admits(String text, LowerCase lower) {
    if (first.kind() != 0 && !firstCharFits(text)) {
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
