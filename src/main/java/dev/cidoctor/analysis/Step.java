package dev.cidoctor.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A segment of the log (a GitHub step, GitLab section, Travis command, Jenkins stage) and its candidates. */
final class Step {
  private static final int KEEP = 400;
  private static final int KEEP_QUIET = 40;

  final int index;
  final String name;
  final long start;
  /**
   * The line after which the step's own output begins: its start, or the end of the script and
   * environment GitHub echoes between {@code ##[group]Run ...} and {@code ##[endgroup]}.
   */
  long outputFrom;
  long end;
  long failLine = -1;
  String failText;
  int exitCode;
  /** The last non-blank lines before the failure marker, for failures that print no error word. */
  List<ContextLine> tail = List.of();
  final List<Candidate> candidates = new ArrayList<>();
  /** The first shell-traced {@code + exit N} (N > 0) of the step, or -1; see {@link ShellTrace}. */
  long tracedExitLine = -1;
  String tracedExitText;
  /** The lines before {@link #tracedExitLine} (blank ones too), oldest first. */
  List<ContextLine> tracedExitTail = List.of();

  Step(int index, String name, long start) {
    this.index = index;
    this.name = name;
    this.start = start;
    this.outputFrom = start;
    this.end = start;
  }

  boolean failed() {
    return failLine > 0;
  }

  void add(Candidate c) {
    candidates.add(c);
    if (candidates.size() >= 2 * KEEP) {
      trim(KEEP);
    }
  }

  /** Keeps the {@code keep} best candidates (ties: the later), in line order. */
  void trim(int keep) {
    if (candidates.size() <= keep) {
      return;
    }
    List<Candidate> best = new ArrayList<>(candidates);
    best.sort(Comparator.comparingInt(Candidate::rank).thenComparingLong(c -> c.line).reversed());
    List<Candidate> kept = new ArrayList<>(best.subList(0, keep));
    kept.sort(Comparator.comparingLong(c -> c.line));
    candidates.clear();
    candidates.addAll(kept);
  }

  /** Called when the next step starts: a step that did not fail keeps only its strongest lines. */
  void close(long lastLine) {
    end = lastLine;
    if (!failed()) {
      trim(KEEP_QUIET);
    }
  }
}
