package dev.cidoctor.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The steps of a log in order, with the candidates each keeps. Bounds what the closed steps keep, so
 * memory does not grow with the number of steps, and appends the steps of the next chunk of a log
 * scanned in parallel.
 */
final class Steps implements Iterable<Step> {
  static final int MAX_STEPS = 5000;
  /**
   * Candidates kept over the closed steps other than the first failed one: past twice this many, only
   * the strongest this many stay. Without it memory grew with the number of steps (40 per quiet step),
   * and a 1 GiB log of 1024 steps ran out of a 96 MB heap.
   */
  static final int MAX_CLOSED_CANDIDATES = 400;

  private final List<Step> steps = new ArrayList<>();
  private Step firstFailed;
  private int closedCandidates;

  /** Starts with the unnamed step of the lines before the first step marker. */
  Steps() {
    steps.add(new Step(0, null, 1));
  }

  /** The step the scan is in: the last one. */
  Step current() {
    return steps.get(steps.size() - 1);
  }

  Step get(int index) {
    return steps.get(index);
  }

  int size() {
    return steps.size();
  }

  Stream<Step> stream() {
    return steps.stream();
  }

  @Override
  public Iterator<Step> iterator() {
    return steps.iterator();
  }

  /** Closes the current step at the line before {@code number} and starts one named {@code name}. */
  void start(long number, String name) {
    if (steps.size() >= MAX_STEPS) {
      return;
    }
    Step closing = current();
    closing.close(number - 1);
    if (closing != firstFailed) {
      closedCandidates += closing.candidates.size();
      if (closedCandidates > 2 * MAX_CLOSED_CANDIDATES) {
        trimClosed();
      }
    }
    String n = name.length() > 200 ? name.substring(0, 200) : name;
    steps.add(new Step(steps.size(), n, number));
  }

  /** Notes a step's failure marker: the first step that failed keeps all its candidates. */
  void failed(Step s) {
    if (firstFailed == null) {
      firstFailed = s;
    }
  }

  /** Keeps the strongest {@link #MAX_CLOSED_CANDIDATES} of the closed steps' candidates (ties: the later). */
  private void trimClosed() {
    List<Candidate> pool = new ArrayList<>();
    for (Step s : steps) {
      if (s != firstFailed) {
        pool.addAll(s.candidates);
      }
    }
    pool.sort(Comparator.comparingInt(Candidate::rank).thenComparingLong(c -> c.line).reversed());
    Set<Candidate> keep = Collections.newSetFromMap(new IdentityHashMap<>());
    keep.addAll(pool.subList(0, Math.min(MAX_CLOSED_CANDIDATES, pool.size())));
    for (Step s : steps) {
      if (s != firstFailed) {
        s.candidates.removeIf(c -> !keep.contains(c));
      }
    }
    closedCandidates = keep.size();
  }

  /**
   * Appends the steps of the chunk that follows this one in the same log, their lines moved down by
   * {@code off}: the chunk's first step continues this chunk's last, its later steps follow.
   */
  void append(Steps next, long off) {
    Step last = current();
    Step first = next.steps.get(0);
    for (Candidate c : first.candidates) {
      last.candidates.add(c.shifted(off, last.index));
    }
    if (!last.failed() && first.failed()) {
      takeFailure(first, last, off);
    }
    takeTracedExit(first, last, off);
    last.end = first.end + off;
    int stepOff = steps.size() - 1;
    for (int i = 1; i < next.steps.size() && steps.size() < MAX_STEPS; i++) {
      Step o = next.steps.get(i);
      Step s = new Step(o.index + stepOff, o.name, o.start + off);
      s.outputFrom = o.outputFrom + off;
      s.end = o.end + off;
      if (o.failed()) {
        takeFailure(o, s, off);
      }
      takeTracedExit(o, s, off);
      for (Candidate c : o.candidates) {
        s.candidates.add(c.shifted(off, s.index));
      }
      steps.add(s);
    }
  }

  private static void takeTracedExit(Step from, Step to, long off) {
    if (to.tracedExitLine < 0 && from.tracedExitLine > 0) {
      to.tracedExitLine = from.tracedExitLine + off;
      to.tracedExitText = from.tracedExitText;
      to.tracedExitTail = Candidate.shift(from.tracedExitTail, off);
    }
  }

  private void takeFailure(Step from, Step to, long off) {
    to.failLine = from.failLine + off;
    to.failText = from.failText;
    to.exitCode = from.exitCode;
    to.tail = Candidate.shift(from.tail, off);
    failed(to);
  }
}
