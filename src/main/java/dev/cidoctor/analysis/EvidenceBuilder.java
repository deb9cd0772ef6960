package dev.cidoctor.analysis;

import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gathers the evidence of a diagnosis: the primary line and the error block it starts, the context
 * its rule shows, a second statement of the failure as a block of its own, and further strong lines
 * of the failing step, up to {@link #TARGET_EVIDENCE} lines.
 */
final class EvidenceBuilder {
  /** Evidence lines aimed at; the corpus' labelled chunks have a median of a few lines. */
  static final int TARGET_EVIDENCE = 15;
  /** Lines of an error block kept after its primary line. */
  static final int BLOCK_LINES = 12;
  /** Further lines of an error block kept while they carry the primary line's tag (a Maven [ERROR] report). */
  static final int EXTENDED_BLOCK_LINES = 24;

  private final String entry;
  private final RequiresCheck requires;

  EvidenceBuilder(String entry, RequiresCheck requires) {
    this.entry = entry;
    this.requires = requires;
  }

  /**
   * The evidence for a chosen root cause: its primary line first, then in line order the block
   * around it, the context its rule asks for, and the strongest other lines of the failing step.
   */
  List<Evidence> build(Choice choice, Step scope, List<Candidate> all) {
    Map<Long, String> lines = new TreeMap<>();
    Candidate c = choice.candidate();
    Rule rule = choice.hit() == null ? null : choice.hit().rule();
    lines.put(choice.primary().line(), choice.primary().text());
    lines.put(c.line, c.text);
    if (choice.primary().line() < c.line) {
      // the primary line is output above the wrapper that won: show its paragraph and what lies between
      int above = 0;
      for (int i = c.before.size() - 1; i >= 0; i--) {
        ContextLine l = c.before.get(i);
        if (l.line() < choice.primary().line() && (l.text().isBlank() || ++above > 3)) {
          break;
        }
        if (!l.text().isBlank()) {
          lines.put(l.line(), l.text());
        }
      }
    }
    if (rule != null && (rule.contextBefore() > 0 || rule.contextAfter() > 0)) {
      int nb = c.before.size();
      for (int i = Math.max(0, nb - rule.contextBefore()); i < nb; i++) {
        if (!c.before.get(i).text().isBlank()) {
          lines.put(c.before.get(i).line(), c.before.get(i).text());
        }
      }
      // the block the rule shows may go on while its lines keep the primary line's tag or indent
      ruleContext(lines, c.after, rule, EXTENDED_BLOCK_LINES, choice.primary().text(), Integer.MAX_VALUE);
    } else if (c.fromTail) {
      for (ContextLine l : c.before) {
        lines.put(l.line(), l.text());
      }
      for (ContextLine l : c.after) {
        lines.put(l.line(), l.text());
      }
    } else {
      block(lines, c.after, Math.max(c.line, choice.primary().line()), BLOCK_LINES, lead(choice.primary().text()),
          indent(choice.primary().text()));
    }
    List<Candidate> others = new ArrayList<>();
    for (Candidate o : all) {
      if ((scope == null || o.step == scope.index) && o != c && !lines.containsKey(o.line)
          && (o.hits.stream().anyMatch(h -> requires.check(o, h, false) != null) || (o.score >= 15 && o.finalScore() >= 40))) {
        others.add(o);
      }
    }
    // The last strong line before the failure is often a second statement of the cause (Maven's
    // closing summary, a later compile error): keep it even when the step had many others.
    Candidate lastStrong = others.stream().max(Comparator.comparingLong(o -> o.line)).orElse(null);
    if (lastStrong != null && lastStrong.line > c.line) {
      lines.put(lastStrong.line, lastStrong.text);
    }
    others.sort(Comparator.comparingInt(Candidate::rank).reversed().thenComparingLong(o -> o.line));
    secondBlock(lines, others);
    for (Candidate o : others) {
      if (lines.size() >= TARGET_EVIDENCE) {
        break;
      }
      lines.put(o.line, o.text);
      addRuleContext(lines, o);
    }
    List<Evidence> out = new ArrayList<>();
    out.add(new Evidence(entry, choice.primary().line(), Diagnoser.shorten(Redactor.redact(choice.primary().text()), 500)));
    for (Map.Entry<Long, String> e : lines.entrySet()) {
      if (e.getKey() != choice.primary().line() && out.size() < Diagnosis.MAX_EVIDENCE) {
        out.add(new Evidence(entry, e.getKey(), Diagnoser.shorten(Redactor.redact(e.getValue()), 500)));
      }
    }
    return out;
  }

  /**
   * Adds the block a rule shows after another matched line (Maven's [ERROR] report under "Failed to
   * execute goal"), within the rule's context and while the evidence is under its target.
   */
  private void addRuleContext(Map<Long, String> lines, Candidate o) {
    for (RuleHit h : o.hits) {
      Rule r = h.rule();
      if (r.contextAfter() == 0 || requires.check(o, h, false) == null) {
        continue;
      }
      ruleContext(lines, o.after, r, 0, o.text, TARGET_EVIDENCE);
      return;
    }
  }

  /**
   * Adds the lines a rule shows after its match ({@code context.after}, up to {@code context.until}),
   * then up to {@code extra} more while they continue the block {@code header} opens; blank lines
   * are no evidence, and nothing is added once the evidence holds {@code cap} lines.
   */
  private static void ruleContext(Map<Long, String> lines, List<ContextLine> after, Rule rule, int extra, String header, int cap) {
    String lead = lead(header);
    int indent = indent(header);
    for (int i = 0; i < after.size() && i < rule.contextAfter() + extra && lines.size() < cap; i++) {
      ContextLine l = after.get(i);
      if (rule.contextUntil() != null && rule.contextUntil().matcher(l.text()).find()) {
        break;
      }
      if (i >= rule.contextAfter() && !l.text().isBlank() && !continuesBlock(l.text(), lead, indent)) {
        break;
      }
      if (!l.text().isBlank()) {
        lines.put(l.line(), l.text());
      }
    }
  }

  /**
   * A second statement of the failure away from the primary block (Maven's closing "Failed to execute
   * goal" report under a compiler error, a second failing test) is shown as a block too, not as one
   * line among single lines: the strongest other line a rule explains, with the lines under it that
   * keep its tag or are indented deeper, while the evidence stays within {@link #TARGET_EVIDENCE}.
   */
  private void secondBlock(Map<Long, String> lines, List<Candidate> others) {
    for (Candidate o : others) {
      if (lines.size() >= TARGET_EVIDENCE - 1) {
        return;
      }
      if (lines.containsKey(o.line) || lines.containsKey(o.line - 1) || lines.containsKey(o.line + 1)) {
        continue;
      }
      boolean strong = false;
      for (RuleHit h : o.hits) {
        strong |= h.rule().priority() >= 40 && requires.check(o, h, false) != null;
      }
      if (!strong) {
        return; // others are sorted by rank: no rule explains any further line
      }
      lines.put(o.line, o.text);
      String lead = lead(o.text);
      int indent = indent(o.text);
      for (ContextLine l : o.after) {
        if (lines.size() >= TARGET_EVIDENCE || l.text().isBlank() || Heuristics.endsBlock(l.text())
            || !continuesBlock(l.text(), lead, indent)) {
          break;
        }
        lines.put(l.line(), l.text());
      }
      return;
    }
  }

  /** Adds the lines after {@code from} that belong to the same error block: up to two blank lines or a marker end it. */
  private static void block(Map<Long, String> lines, List<ContextLine> after, long from, int max, String lead, int indent) {
    int added = 0;
    int blanks = 0;
    for (ContextLine l : after) {
      if (l.line() <= from) {
        continue;
      }
      if (l.text().isBlank()) {
        if (++blanks >= 2) {
          break;
        }
        continue;
      }
      blanks = 0;
      if (Heuristics.endsBlock(l.text()) || added >= max + EXTENDED_BLOCK_LINES
          || (added >= max && !continuesBlock(l.text(), lead, indent))) {
        break;
      }
      lines.put(l.line(), l.text());
      added++;
    }
  }

  /**
   * Says whether a line past the usual length of a block still belongs to it: it carries the primary
   * line's tag, or it is indented deeper than the primary line (the message and stack a test runner
   * prints under a failure header, up to the next header at the header's own indentation).
   */
  static boolean continuesBlock(String text, String lead, int indent) {
    return (lead != null && lead.equals(lead(text))) || indent(text) > indent;
  }

  /** Columns of leading white space (a tab counts as one). */
  static int indent(String text) {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /**
   * The tag a tool starts each line of one report with ({@code [ERROR]}, {@code error:}, {@code E}),
   * or null: a block longer than BLOCK_LINES goes on only while its lines keep the primary line's tag.
   */
  static String lead(String text) {
    String t = text.stripLeading();
    int end = 0;
    while (end < t.length() && end < 20 && !Character.isWhitespace(t.charAt(end))) {
      end++;
    }
    if (end == 0 || end >= 20) {
      return null;
    }
    String tag = t.substring(0, end);
    return tag.startsWith("[") || tag.endsWith(":") || tag.equals("E") || tag.equals(">") || tag.equals("#") ? tag : null;
  }
}
