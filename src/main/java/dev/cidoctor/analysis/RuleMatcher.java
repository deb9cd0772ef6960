package dev.cidoctor.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches the rules the literal prefilter picked against a line, each try within a time budget
 * ({@link BoundedText}), and carries the values context rules remember (the test class being run)
 * into the hits of later lines.
 */
final class RuleMatcher {
  /** Values remembered by context rules (e.g. the test class being run): the latest value of each name. */
  private final Map<String, String> memory = new HashMap<>();
  private final LowerCase lower = new LowerCase();
  /** Matchers are reused per pattern: a scan tries millions of matches and most fail at once. */
  private final Map<Pattern, Matcher> matchers = new IdentityHashMap<>();
  /** Rules tried: those whose literals and gates admitted the line. */
  long attempts;
  /** Matches abandoned over their budget: here, and in the multi-line checks after the scan ({@link RequiresCheck}). */
  long budgetExceeded;

  RuleMatcher() {}

  /**
   * The hits of {@code rules} on one line: for each rule whose {@code unless} pattern does not match,
   * its first pattern that does, with the captures and the values context rules remembered so far.
   * A match that runs over its budget counts in {@link #budgetExceeded} and is a miss.
   */
  List<RuleHit> match(List<Rule> rules, String text) {
    List<RuleHit> out = new ArrayList<>(2);
    BoundedText bt = new BoundedText(text, BoundedText.DEFAULT_BUDGET);
    for (Rule r : rules) {
      List<LinePattern> patterns = r.linePatterns();
      int first = 0; // the first pattern whose gate admits the line; each gate is asked once
      while (first < patterns.size() && !patterns.get(first).admits(text, lower)) {
        first++;
      }
      if (first == patterns.size()) {
        continue;
      }
      attempts++;
      try {
        if (r.unless() != null) {
          bt.reset(BoundedText.DEFAULT_BUDGET);
          if (matcher(r.unless(), bt).find()) {
            continue;
          }
        }
        for (int k = first; k < patterns.size(); k++) {
          LinePattern p = patterns.get(k);
          if (k > first && !p.admits(text, lower)) {
            continue;
          }
          bt.reset(BoundedText.DEFAULT_BUDGET);
          Matcher m = matcher(p.pattern(), bt);
          if (p.find(m)) {
            Map<String, String> caps = captures(m);
            if (r.contextOnly()) {
              for (String name : r.remember()) {
                String v = caps.get(name);
                if (v != null) {
                  memory.put(name, v);
                }
              }
            } else {
              for (Map.Entry<String, String> e : memory.entrySet()) {
                caps.putIfAbsent(e.getKey(), e.getValue());
              }
              for (String name : r.remember()) {
                String v = caps.get(name);
                if (v != null) {
                  memory.put(name, v);
                }
              }
              out.add(new RuleHit(r, caps));
            }
            break;
          }
        }
      } catch (BoundedText.BudgetExceeded e) {
        budgetExceeded++;
      }
    }
    return out;
  }

  private Matcher matcher(Pattern p, CharSequence text) {
    Matcher m = matchers.get(p);
    if (m == null) {
      m = p.matcher(text);
      matchers.put(p, m);
      return m;
    }
    return m.reset(text);
  }

  /** The named groups a match captured, by name. */
  static Map<String, String> captures(Matcher m) {
    Map<String, Integer> names = m.pattern().namedGroups();
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, Integer> e : names.entrySet()) {
      String v = m.group(e.getValue());
      if (v != null) {
        out.put(e.getKey(), v);
      }
    }
    return out;
  }

  /** Adds the counts of the scan of the chunk that follows this one. */
  void addCounts(RuleMatcher next) {
    attempts += next.attempts;
    budgetExceeded += next.budgetExceeded;
  }
}
