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
      "build step '", "job failed", "exited with", "cleaning up orphan processes", "job succeeded", "[command]");
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
    List<String> literals = new ArrayList<>();
    List<List<Integer>> byLiteral = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      for (String lit : rules.get(r).literals()) {
        int at = literals.indexOf(lit);
        if (at < 0) {
          literals.add(lit);
          byLiteral.add(new ArrayList<>());
          at = literals.size() - 1;
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
      }
    }
    this.rulesByLiteral = new int[firstKeyword][];
    for (int i = 0; i < firstKeyword; i++) {
      rulesByLiteral[i] = byLiteral.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
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
