package dev.cidoctor.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules compiled for scanning: one literal index over every rule's literals plus the keywords
 * of the generic scorer and the step markers, and for each literal the rules it may trigger.
 */
public final class KnowledgeBase {
  /** Words that make a line worth scoring even when no rule names it. */
  static final List<String> KEYWORDS = List.of("error", "fail", "exception", "fatal", "panic", "traceback",
      "abort", "denied", "cannot", "could not", "couldn't", "unable to", "not found", "no such", "timed out",
      "killed", "segmentation", "undefined", "refused", "err!", "\u2717", "\u2716", "\u2718", "\u00d7 ",
      "unresolved", "no matching", "panicked", "** (", "access violation", "illegal instruction");
  /** Markers that segment a log into steps or say that a step or job failed. */
  static final List<String> MARKERS = List.of("##[", "section_start:", "section_end:", "travis_fold:", "travis_time:", "$ ",
      "[pipeline]", "post job cleanup", "the command \"", "done. your build exited", "finished: ",
      "build step '", "job failed", "exited with", "cleaning up orphan processes", "job succeeded", "[command]",
      "+ exit ");
  // "##[section]Finishing:" (legacy job logs) is covered by the "##[" marker.

  final List<Rule> rules;
  final LiteralIndex index;
  final int[][] rulesByLiteral;
  final int firstKeyword;
  final int firstMarker;
  /** Patterns anchored at the line start: matched with lookingAt, which tries one position, not all. */
  private final java.util.Set<java.util.regex.Pattern> anchored =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  public KnowledgeBase(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    java.util.Map<java.util.regex.Pattern, String> leads = new java.util.IdentityHashMap<>();
    for (Rule r : rules) {
      for (java.util.regex.Pattern p : r.patterns()) {
        boolean literalSyntax = (p.flags() & (java.util.regex.Pattern.COMMENTS | java.util.regex.Pattern.LITERAL)) == 0;
        leads.put(p, literalSyntax ? Literals.leadingLiteral(p.pattern()) : "");
      }
    }
    List<String> literals = new ArrayList<>();
    java.util.Map<String, Integer> literalIds = new java.util.HashMap<>();
    List<List<Integer>> byLiteral = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      for (String written : rules.get(r).literals()) {
        String lit = opensEveryMatch(rules.get(r), written, leads) ? LiteralIndex.LINE_START + written : written;
        Integer at = literalIds.get(lit);
        if (at == null) {
          at = literals.size();
          literalIds.put(lit, at);
          literals.add(lit);
          byLiteral.add(new ArrayList<>());
        }
        byLiteral.get(at).add(r);
      }
    }
    firstKeyword = literals.size();
    literals.addAll(KEYWORDS);
    firstMarker = literals.size();
    literals.addAll(MARKERS);
    this.index = new LiteralIndex(literals);
    for (Rule r : rules) {
      for (java.util.regex.Pattern p : r.patterns()) {
        if (Literals.anchoredAtStart(p.pattern())) {
          anchored.add(p);
        }
        Gate g = Gate.of(p, leads.get(p));
        if (g != null) {
          gates.put(p, g);
        }
      }
    }
    this.rulesByLiteral = new int[firstKeyword][];
    for (int i = 0; i < firstKeyword; i++) {
      rulesByLiteral[i] = byLiteral.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /**
   * What a line must hold before a pattern is worth running: the literal text every match starts
   * with (for a pattern anchored at the line start) and the literal runs every match contains. A
   * substring test costs a fraction of a regex attempt, and most lines the literal prefilter hands
   * over (every {@code .java:} of a stack trace for javac's {@code X.java:12: error:}) fail it.
   */
  private record Gate(String lead, String[] runs, boolean ignoreCase, Literals.FirstChar first) {
    static Gate of(java.util.regex.Pattern p, String lead) {
      int flags = p.flags();
      if ((flags & (java.util.regex.Pattern.COMMENTS | java.util.regex.Pattern.LITERAL)) != 0) {
        return null;
      }
      boolean ignoreCase = (flags & java.util.regex.Pattern.CASE_INSENSITIVE) != 0 || p.pattern().contains("(?i");
      Literals.FirstChar first = lead.isEmpty() ? Literals.firstChar(p.pattern()) : Literals.FirstChar.UNKNOWN;
      List<String> runs = new ArrayList<>();
      for (String run : Literals.requiredRuns(p.pattern())) {
        if (!lead.contains(run)) {
          runs.add(ignoreCase ? run.toLowerCase(java.util.Locale.ROOT) : run);
        }
      }
      if (lead.isEmpty() && runs.isEmpty() && first.kind() == 0) {
        return null;
      }
      return new Gate(ignoreCase ? lead.toLowerCase(java.util.Locale.ROOT) : lead, runs.toArray(String[]::new), ignoreCase, first);
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

  /** The lower-case form of the line being matched, made once and only when a pattern needs it. */
  static final class LowerCase {
    private String of;
    private String lower;

    String of(String text) {
      if (of != text) {
        of = text;
        lower = text.toLowerCase(java.util.Locale.ROOT);
      }
      return lower;
    }
  }

  private final java.util.Map<java.util.regex.Pattern, Gate> gates = new java.util.IdentityHashMap<>();

  /** Says whether {@code text} holds what every match of {@code p} needs (true when nothing is known). */
  boolean admits(java.util.regex.Pattern p, String text, LowerCase lower) {
    Gate g = gates.get(p);
    return g == null || g.admits(text, lower);
  }

  /**
   * Says whether every match of the rule starts with the literal {@code lit} (each pattern anchored
   * at the line start with a literal prefix beginning with it), so the prefilter may look for it
   * at the line start only.
   */
  private static boolean opensEveryMatch(Rule r, String lit, java.util.Map<java.util.regex.Pattern, String> leads) {
    if (r.patterns().isEmpty()) {
      return false;
    }
    for (java.util.regex.Pattern p : r.patterns()) {
      if (!leads.get(p).toLowerCase(java.util.Locale.ROOT).startsWith(lit)) {
        return false;
      }
    }
    return true;
  }

  /** Finds {@code p} with {@code m}: at the line start only, when the pattern is anchored there. */
  boolean find(java.util.regex.Matcher m, java.util.regex.Pattern p) {
    return anchored.contains(p) ? m.lookingAt() : m.find();
  }

  public List<Rule> rules() {
    return rules;
  }

  /** Number of distinct literals in the prefilter. */
  public int literalCount() {
    return index.literalCount();
  }
}
