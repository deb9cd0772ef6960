package dev.cidoctor.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Derives from a regular expression the literal strings one of which every match must contain, so a
 * line is handed to the regex only when the literal prefilter saw one of them. Conservative: where
 * it is unsure, it returns nothing and the rule must declare {@code literals}.
 */
final class Literals {
  static final int MIN_LENGTH = 3;
  /** Shortest run worth checking before a regex is tried (see {@link #requiredRuns}). */
  static final int GATE_MIN_LENGTH = 2;

  private Literals() {}

  /** An inline flag group turning on comments mode ({@code (?x)}, {@code (?ix:}), where spaces mean nothing. */
  private static final java.util.regex.Pattern COMMENTS_FLAG = java.util.regex.Pattern.compile("\\(\\?[a-zA-Z]*x[a-zA-Z]*(?:-[a-zA-Z]*)?[):]");

  /** Says whether part of {@code regex} is in comments mode: its literal text is then not what it matches. */
  static boolean commentsMode(String regex) {
    return regex.contains("(?") && COMMENTS_FLAG.matcher(regex).find();
  }

  /** Returns one required literal per top-level alternative, or an empty list when one has none. */
  static List<String> required(String regex) {
    if (commentsMode(regex)) {
      return List.of();
    }
    List<String> alternatives = splitTopLevel(regex);
    List<String> out = new ArrayList<>();
    for (String alt : alternatives) {
      List<String> best = requiredOfSequence(alt);
      if (best.isEmpty()) {
        return List.of();
      }
      for (String b : best) {
        out.add(b.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  /** The best set of literals for a sequence: its longest literal run, or a required group's alternatives. */
  private static List<String> requiredOfSequence(String alt) {
    List<List<String>> sets = new ArrayList<>();
    String single = longestRequired(alt, sets, null);
    List<String> best = single == null || single.length() < MIN_LENGTH ? List.of() : List.of(single);
    int bestScore = best.isEmpty() ? 0 : single.length();
    for (List<String> set : sets) {
      int score = set.stream().mapToInt(String::length).min().orElse(0);
      if (score >= MIN_LENGTH && score > bestScore) {
        best = set;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * Every run of literal characters that each match of {@code regex} contains, case as written; empty
   * when unsure (top-level alternatives, comments mode, quoting). A line lacking one of them cannot
   * match, so the scanner checks them with a plain substring search before it runs the regex.
   */
  static List<String> requiredRuns(String regex) {
    if (commentsMode(regex) || regex.contains("\\Q") || splitTopLevel(regex).size() != 1) {
      return List.of();
    }
    List<String> runs = new ArrayList<>();
    longestRequired(regex, new ArrayList<>(), runs);
    return runs.stream().distinct().toList();
  }

  /**
   * The literal text every match starts with when {@code regex} is anchored at the line start (each
   * top-level alternative starts with {@code ^}), or "" when a branch starts with anything else: the
   * common prefix of the branches' literal prefixes. {@code ^ {7,8}x} starts with seven spaces.
   */
  static String leadingLiteral(String regex) {
    if (commentsMode(regex)) {
      return "";
    }
    String common = null;
    for (String alt : splitTopLevel(regex)) {
      String a = withoutLeadingFlags(alt);
      if (!a.startsWith("^")) {
        return "";
      }
      String lead = leadOf(a.substring(1));
      common = common == null ? lead : commonPrefix(common, lead);
      if (common.isEmpty()) {
        return "";
      }
    }
    return common == null ? "" : common;
  }

  /**
   * What the first character after the line's leading whitespace must be, for a pattern such as
   * {@code ^\\s*\\d+\\) } (numbered failure lists): {@code 'd'} for an ASCII digit, the character itself
   * for a literal, or 0 when unknown (or when the branches of a top-level alternation disagree).
   * {@code skipsSpace} says whether whitespace may come first.
   */
  record FirstChar(char kind, boolean skipsSpace) {
    static final FirstChar UNKNOWN = new FirstChar((char) 0, false);
  }

  static FirstChar firstChar(String regex) {
    if (commentsMode(regex)) {
      return FirstChar.UNKNOWN;
    }
    FirstChar common = null;
    for (String alt : splitTopLevel(regex)) {
      String a = withoutLeadingFlags(alt);
      if (!a.startsWith("^")) {
        return FirstChar.UNKNOWN;
      }
      FirstChar f = firstOf(a.substring(1));
      if (f.kind() == 0 || common != null && !common.equals(f)) {
        return FirstChar.UNKNOWN;
      }
      common = f;
    }
    return common == null ? FirstChar.UNKNOWN : common;
  }

  private static FirstChar firstOf(String a) {
    boolean skips = false;
    for (String space : List.of("\\s*", "\\s+", " *", " +")) {
      if (a.startsWith(space) && !(a.length() > space.length() && (a.charAt(space.length()) == '?' || a.charAt(space.length()) == '+'))) {
        skips = true;
        a = a.substring(space.length());
        break;
      }
    }
    a = insideLeadingGroups(a);
    if (a == null || a.isEmpty()) {
      return FirstChar.UNKNOWN;
    }
    char kind;
    int next;
    if (a.startsWith("\\d")) {
      kind = 'd';
      next = 2;
    } else if (a.charAt(0) == '\\' && a.length() > 1 && !Character.isLetterOrDigit(a.charAt(1))) {
      kind = a.charAt(1);
      next = 2;
    } else if ("[(.^$|)*+?{\\ ".indexOf(a.charAt(0)) < 0 && !Character.isLetterOrDigit(a.charAt(0))) {
      kind = a.charAt(0); // punctuation only: a letter would make case matter
      next = 1;
    } else {
      return FirstChar.UNKNOWN;
    }
    if (next < a.length() && isOptionalQuantifier(a, next)) {
      return FirstChar.UNKNOWN;
    }
    return new FirstChar(kind, skips);
  }

  /** How many spaces open every line a pattern matches: from {@code min} to {@code max} (inclusive). */
  record Indent(int min, int max) {}

  /**
   * The number of spaces every match starts with, for a pattern that opens with spaces and then a
   * character that cannot be one ({@code ^ {7,8}(?<t>[^\\s:]...)}, Mocha's nested titles): the
   * line's leading spaces, counted, must be in that range. Null when unknown.
   */
  static Indent indent(String regex) {
    List<String> alternatives = splitTopLevel(regex);
    if (commentsMode(regex) || alternatives.size() != 1) {
      return null;
    }
    String a = withoutLeadingFlags(alternatives.get(0));
    if (!a.startsWith("^")) {
      return null;
    }
    int min = 0;
    long max = 0;
    int i = 1;
    while (i < a.length() && a.charAt(i) == ' ') {
      int q = i + 1;
      if (q < a.length() && a.charAt(q) == '{') {
        int close = a.indexOf('}', q);
        if (close < 0) {
          return null;
        }
        String[] bounds = a.substring(q + 1, close).split(",", -1);
        try {
          int lo = Integer.parseInt(bounds[0]);
          min += lo;
          max += bounds.length == 1 ? lo : bounds[1].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1]);
        } catch (NumberFormatException e) {
          return null;
        }
        i = close + 1;
      } else if (q < a.length() && "*+?".indexOf(a.charAt(q)) >= 0) {
        min += a.charAt(q) == '+' ? 1 : 0;
        max += a.charAt(q) == '?' ? 1 : Integer.MAX_VALUE;
        i = q + 1;
      } else {
        min++;
        max++;
        i = q;
      }
      if (i < a.length() && (a.charAt(i) == '?' || a.charAt(i) == '+')) {
        i++; // lazy or possessive: the same count, as what follows cannot be a space
      }
    }
    if (max == 0 || !opensWithNonSpace(a.substring(i))) {
      return null;
    }
    return new Indent(min, (int) Math.min(max, Integer.MAX_VALUE));
  }

  /** Says whether every match of {@code a} starts with a character that is not a space. */
  private static boolean opensWithNonSpace(String a) {
    a = insideLeadingGroups(a);
    if (a == null) {
      return false;
    }
    int next;
    if (a.startsWith("\\S") || a.startsWith("\\d") || a.startsWith("\\w")) {
      next = 2;
    } else if (a.startsWith("[^")) {
      int close = a.indexOf(']', 2);
      String members = close < 0 ? "" : a.substring(2, close);
      if (!members.contains("\\s") && !members.contains(" ")) {
        return false;
      }
      next = close + 1;
    } else if (!a.isEmpty() && (Character.isLetterOrDigit(a.charAt(0)) || "[(.^$|)*+?{\\ #".indexOf(a.charAt(0)) < 0)) {
      next = 1;
    } else {
      return false;
    }
    return next >= a.length() || !isOptionalQuantifier(a, next);
  }

  /** Inline flags that change what {@code $} or {@code \\s} mean: MULTILINE and UNICODE_CHARACTER_CLASS. */
  private static final java.util.regex.Pattern LINE_FLAGS = java.util.regex.Pattern.compile("\\(\\?[a-zA-Z]*[mU]");

  /**
   * The punctuation every match ends with before optional trailing whitespace, for a pattern ending
   * {@code :\\s*$} (a title, a section header): the line, its trailing whitespace and line separators
   * stripped, must end with it. 0 when unknown; {@code flags} are the compiled pattern's.
   */
  static char lastChar(String regex, int flags) {
    if (commentsMode(regex) || (flags & (java.util.regex.Pattern.MULTILINE | java.util.regex.Pattern.UNICODE_CHARACTER_CLASS)) != 0
        || LINE_FLAGS.matcher(regex).find() || splitTopLevel(regex).size() != 1) {
      return 0;
    }
    String a = regex;
    if (!a.endsWith("$") || escaped(a, a.length() - 1)) {
      return 0;
    }
    a = a.substring(0, a.length() - 1);
    for (String space : List.of("\\s*", "\\s+", " *", " +")) {
      if (a.endsWith(space) && !escaped(a, a.length() - space.length())) {
        a = a.substring(0, a.length() - space.length());
        break;
      }
    }
    if (a.isEmpty()) {
      return 0;
    }
    char c = a.charAt(a.length() - 1);
    if (Character.isLetterOrDigit(c) || Character.isWhitespace(c) || c > 0x7e) {
      return 0; // a letter could be the end of an escape (\\p{Alpha}, \\Q..\\E, \\x3A) or change with case
    }
    boolean isEscaped = escaped(a, a.length() - 1);
    if (isEscaped) {
      if (a.length() >= 3 && a.charAt(a.length() - 2) == '\\' && a.charAt(a.length() - 3) == 'c' && escaped(a, a.length() - 3)) {
        return 0;
      }
      return c; // \\: \\. \\) ...
    }
    if (a.length() >= 2 && a.charAt(a.length() - 2) == 'c' && escaped(a, a.length() - 2)) {
      return 0; // \\c: is a control character
    }
    return "[](){}.*+?|^$\\".indexOf(c) >= 0 ? 0 : c;
  }

  /** Says whether the character at {@code i} follows an odd number of backslashes. */
  private static boolean escaped(String s, int i) {
    int n = 0;
    for (int j = i - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
      n++;
    }
    return n % 2 == 1;
  }

  /**
   * What a pattern opens with once inside its leading groups: while it starts with a required group
   * of one branch ({@code (?:x)}, {@code (?<name>x)}, {@code (x)}), the inside of that group; null
   * when a leading group is optional, a lookaround or has several branches.
   */
  private static String insideLeadingGroups(String a) {
    while (a.startsWith("(")) {
      int close = matchParen(a, 0);
      if (close + 1 < a.length() && isOptionalQuantifier(a, close + 1)) {
        return null;
      }
      String inner = a.substring(1, close);
      if (inner.startsWith("?:")) {
        inner = inner.substring(2);
      } else if (inner.startsWith("?<") && !inner.startsWith("?<=") && !inner.startsWith("?<!")) {
        inner = inner.substring(inner.indexOf('>') + 1);
      } else if (inner.startsWith("?")) {
        return null;
      }
      if (splitTopLevel(inner).size() != 1) {
        return null;
      }
      a = inner;
    }
    return a;
  }

  private static String leadOf(String a) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = a.length();
    while (i < n) {
      char c = a.charAt(i);
      String lit;
      int next = i + 1;
      if (c == '\\') {
        if (i + 1 >= n) {
          break;
        }
        char e = a.charAt(i + 1);
        if (Character.isLetterOrDigit(e)) {
          break; // a class (\d, \s ...), an escape such as \t or \x41, or a back reference
        }
        lit = String.valueOf(e);
        next = i + 2;
      } else if ("[(.^$|)*+?{".indexOf(c) >= 0) {
        break;
      } else {
        lit = String.valueOf(c);
      }
      if (next < n) {
        char q = a.charAt(next);
        if (q == '?' || q == '*') {
          break;
        }
        if (q == '+') {
          out.append(lit);
          break;
        }
        if (q == '{') {
          int close = a.indexOf('}', next);
          String[] range = close < 0 ? new String[0] : a.substring(next + 1, close).split(",", -1);
          int min = 0;
          try {
            min = range.length == 0 ? 0 : Integer.parseInt(range[0].strip());
          } catch (NumberFormatException e) {
            min = 0;
          }
          out.append(lit.repeat(Math.min(min, 64)));
          break;
        }
      }
      out.append(lit);
      i = next;
    }
    return out.toString();
  }

  private static String commonPrefix(String a, String b) {
    int k = 0;
    while (k < a.length() && k < b.length() && a.charAt(k) == b.charAt(k)) {
      k++;
    }
    return a.substring(0, k);
  }

  /** Says whether every match must start at the beginning of the line (each top-level branch starts with ^). */
  static boolean anchoredAtStart(String regex) {
    for (String alt : splitTopLevel(regex)) {
      String a = withoutLeadingFlags(alt);
      if (!a.startsWith("^")) {
        return false;
      }
    }
    return true;
  }

  /** {@code regex} without inline flags such as {@code (?i)} at its start (a plain scan: no regex). */
  private static String withoutLeadingFlags(String regex) {
    if (!regex.startsWith("(?")) {
      return regex;
    }
    int i = 2;
    while (i < regex.length() && Character.isLetter(regex.charAt(i))) {
      i++;
    }
    return i > 2 && i < regex.length() && regex.charAt(i) == ')' ? regex.substring(i + 1) : regex;
  }

  private static List<String> splitTopLevel(String regex) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean inClass = false;
    int start = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
        }
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        parts.add(regex.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(regex.substring(start));
    return parts;
  }

  /** Longest run of literal characters that every match of {@code alt} (no top-level |) contains. */
  private static String longestRequired(String alt, List<List<String>> sets, List<String> runs) {
    String best = null;
    StringBuilder run = new StringBuilder();
    int i = 0;
    int n = alt.length();
    while (i < n) {
      char c = alt.charAt(i);
      String lit = null;
      int next = i + 1;
      if (c == '\\') {
        if (i + 1 >= n) {
          break;
        }
        char e = alt.charAt(i + 1);
        next = i + 2;
        if ("dDsSwWbBAZzGRhHvVXkpPQEuxc0123456789".indexOf(e) >= 0 || Character.isLetterOrDigit(e)) {
          if (e == 'Q') {
            return null; // quoting: leave it to the author
          }
          lit = null;
        } else {
          lit = String.valueOf(e);
        }
      } else if (c == '[') {
        next = skipClass(alt, i);
      } else if (c == '(') {
        int close = matchParen(alt, i);
        String inner = alt.substring(i + 1, close);
        next = close + 1;
        boolean optional = next < n && isOptionalQuantifier(alt, next);
        if (inner.startsWith("?")) {
          if (inner.startsWith("?:") || inner.startsWith("?<") && !inner.startsWith("?<=") && !inner.startsWith("?<!")) {
            inner = inner.startsWith("?:") ? inner.substring(2) : inner.substring(inner.indexOf('>') + 1);
          } else if (inner.matches("\\?[a-zA-Z-]+") ) {
            inner = ""; // inline flags such as (?i)
          } else {
            inner = ""; // look-around: not part of the match
          }
        }
        best = longer(best, collect(runs, run));
        run.setLength(0);
        if (!optional && !inner.isEmpty()) {
          List<String> innerAlts = splitTopLevel(inner);
          if (innerAlts.size() == 1) {
            best = longer(best, longestRequired(inner, sets, runs));
          } else {
            List<String> set = required(inner);
            if (!set.isEmpty()) {
              sets.add(set);
            }
          }
        }
        next = skipQuantifier(alt, next);
        i = next;
        continue;
      } else if (".^$".indexOf(c) >= 0) {
        lit = null;
      } else if ("*+?{".indexOf(c) >= 0) {
        // a quantifier applying to something already ended the run
        next = skipQuantifier(alt, i);
        i = next;
        best = longer(best, collect(runs, run));
        run.setLength(0);
        continue;
      } else {
        lit = String.valueOf(c);
      }
      if (lit == null) {
        best = longer(best, collect(runs, run));
        run.setLength(0);
        i = skipQuantifier(alt, next);
        continue;
      }
      if (next < n && isOptionalQuantifier(alt, next)) {
        best = longer(best, collect(runs, run));
        run.setLength(0);
        i = skipQuantifier(alt, next);
        continue;
      }
      if (next < n && (alt.charAt(next) == '+' || alt.charAt(next) == '{')) {
        run.append(lit);
        best = longer(best, collect(runs, run));
        run.setLength(0);
        i = skipQuantifier(alt, next);
        continue;
      }
      run.append(lit);
      i = next;
    }
    return longer(best, collect(runs, run));
  }

  private static boolean isOptionalQuantifier(String s, int i) {
    char q = s.charAt(i);
    return q == '?' || q == '*' || (q == '{' && i + 1 < s.length() && s.charAt(i + 1) == '0');
  }

  private static int skipQuantifier(String s, int i) {
    if (i >= s.length()) {
      return i;
    }
    char q = s.charAt(i);
    if (q == '?' || q == '*' || q == '+') {
      i++;
    } else if (q == '{') {
      int close = s.indexOf('}', i);
      i = close < 0 ? s.length() : close + 1;
    } else {
      return i;
    }
    if (i < s.length() && (s.charAt(i) == '?' || s.charAt(i) == '+')) {
      i++;
    }
    return i;
  }

  private static int skipClass(String s, int i) {
    int j = i + 1;
    if (j < s.length() && s.charAt(j) == '^') {
      j++;
    }
    if (j < s.length() && s.charAt(j) == ']') {
      j++;
    }
    while (j < s.length() && s.charAt(j) != ']') {
      if (s.charAt(j) == '\\') {
        j++;
      }
      j++;
    }
    return Math.min(s.length(), j + 1);
  }

  private static int matchParen(String s, int i) {
    int depth = 0;
    boolean inClass = false;
    for (int j = i; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        j++;
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
        }
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          return j;
        }
      }
    }
    return s.length() - 1;
  }

  /** Adds the finished run to {@code runs} (when collecting) and returns it as a string. */
  private static String collect(List<String> runs, StringBuilder run) {
    String r = run.toString();
    if (runs != null && r.length() >= GATE_MIN_LENGTH) {
      runs.add(r);
    }
    return r;
  }

  private static String longer(String a, String b) {
    if (b == null || b.isBlank()) {
      return a;
    }
    String t = b.strip().length() >= MIN_LENGTH ? b : b;
    if (a == null || t.length() > a.length()) {
      return t;
    }
    return a;
  }
}
