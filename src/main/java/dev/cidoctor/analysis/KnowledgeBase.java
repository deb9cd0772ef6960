package dev.cidoctor.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
  public KnowledgeBase(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    List<String> literals = new ArrayList<>();
    Map<String, Integer> literalIds = new HashMap<>();
    List<List<Integer>> byLiteral = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      for (String written : rules.get(r).literals()) {
        String lit = opensEveryMatch(rules.get(r), written) ? LiteralIndex.LINE_START + written : written;
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
    this.rulesByLiteral = new int[firstKeyword][];
    for (int i = 0; i < firstKeyword; i++) {
      rulesByLiteral[i] = byLiteral.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /**
   * Says whether every match of the rule starts with the literal {@code lit} (each pattern anchored
   * at the line start with a literal prefix beginning with it), so the prefilter may look for it
   * at the line start only.
   */
  private static boolean opensEveryMatch(Rule r, String lit) {
    if (r.linePatterns().isEmpty()) {
      return false;
    }
    for (LinePattern p : r.linePatterns()) {
      if (!p.lead.toLowerCase(Locale.ROOT).startsWith(lit)) {
        return false;
      }
    }
    return true;
  }

  public List<Rule> rules() {
    return rules;
  }

  /** Number of distinct literals in the prefilter. */
  public int literalCount() {
    return index.literalCount();
  }
}
