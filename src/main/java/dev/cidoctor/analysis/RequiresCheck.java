package dev.cidoctor.analysis;

import java.util.List;
import java.util.regex.Matcher;

/**
 * Checks a rule's multi-line condition ({@code requires}: a line that must, or must not, appear
 * within so many lines before or after the match) against the lines a candidate kept around it, and
 * names the primary line when it holds.
 */
final class RequiresCheck {
  private final Scanner scan;

  RequiresCheck(Scanner scan) {
    this.scan = scan;
  }

  /** Returns the primary line when the rule's multi-line condition holds for this candidate, else null. */
  ContextLine check(Candidate c, RuleHit h) {
    return check(c, h, true);
  }

  /**
   * Records the test a rule names only with its second line, when the condition holds. The scanner
   * calls it once the lines the condition looks at are in, so every such test is named once, during
   * the scan; the diagnosis only reads the names.
   */
  void nameTest(Candidate c, RuleHit h) {
    if (h.rule().collectTests() && h.rule().requires() != null && check(c, h, true) != null) {
      scan.tests.addFrom(h.rule(), h.captures());
    }
  }

  /**
   * As {@link #check(Candidate, RuleHit)}; with {@code record} false it only tells, without
   * keeping captures (for choosing which other lines are evidence).
   */
  ContextLine check(Candidate c, RuleHit h, boolean record) {
    Rule.LineCondition req = h.rule().requires();
    ContextLine self = new ContextLine(c.line, c.text);
    if (req == null) {
      return self;
    }
    List<ContextLine> window = req.after() ? c.after : c.before;
    ContextLine found = null;
    int n = window.size();
    for (int i = 0; i < n; i++) {
      ContextLine l = req.after() ? window.get(i) : window.get(n - 1 - i);
      if (Math.abs(l.line() - c.line) > req.within()) {
        break;
      }
      try {
        Matcher m = req.pattern().matcher(new BoundedText(l.text(), BoundedText.DEFAULT_BUDGET));
        if (m.find()) {
          found = l;
          if (!req.negated() && record) {
            h.captures().putAll(RuleMatcher.captures(m));
          }
          break;
        }
      } catch (BoundedText.BudgetExceeded e) {
        scan.rules.budgetExceeded++;
      }
    }
    if (req.negated() ? found != null : found == null) {
      return null;
    }
    return req.negated() || !h.rule().primaryIsRequired() ? self : found;
  }
}
