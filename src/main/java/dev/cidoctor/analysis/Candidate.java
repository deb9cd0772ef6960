package dev.cidoctor.analysis;

import java.util.ArrayList;
import java.util.List;

/** A line that may explain the failure: its score, the rules that matched it, and the lines around it. */
final class Candidate {
  final long line;
  final String text;
  final int step;
  final int score;
  final List<RuleHit> hits;
  final List<ContextLine> before;
  final List<ContextLine> after = new ArrayList<>();
  int afterWanted;
  /** Taken from the lines before a failure marker because no line scored as an error. */
  boolean fromTail;

  Candidate(long line, String text, int step, int score, List<RuleHit> hits, List<ContextLine> before, int afterWanted) {
    this.line = line;
    this.text = text;
    this.step = step;
    this.score = score;
    this.hits = hits;
    this.before = before;
    this.afterWanted = afterWanted;
    int best = score;
    for (RuleHit h : hits) {
      best = Math.max(best, 1000 + h.rule().priority() * 10);
    }
    this.rank = best;
  }

  /** See {@link #rank()}: computed once, as sorting the candidates of closed steps asks for it often. */
  private final int rank;

  private int refined = -1;

  /** A copy moved {@code lines} lines down and into step {@code newStep}, for merging a later chunk. */
  Candidate shifted(long lines, int newStep) {
    Candidate c = new Candidate(line + lines, text, newStep, score, hits, shift(before, lines), afterWanted);
    c.after.addAll(shift(after, lines));
    c.fromTail = fromTail;
    return c;
  }

  static List<ContextLine> shift(List<ContextLine> lines, long by) {
    List<ContextLine> out = new ArrayList<>(lines.size());
    for (ContextLine l : lines) {
      out.add(new ContextLine(l.line() + by, l.text()));
    }
    return out;
  }

  /** The full heuristic score, computed once and only for the candidates that compete. */
  int finalScore() {
    if (refined < 0) {
      refined = Heuristics.refine(text, score);
    }
    return refined;
  }

  /** How strongly the line competes: a rule's priority above any score, else its quick score. */
  int rank() {
    return rank;
  }
}
