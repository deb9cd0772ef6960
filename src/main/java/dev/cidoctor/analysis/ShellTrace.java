package dev.cidoctor.analysis;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the trace a shell prints under {@code set -x} ("+ cmd"): which traced command failed, and
 * the message a script echoed before it stopped with {@code + exit N}.
 */
final class ShellTrace {
  private ShellTrace() {}

  /** A shell trace line ({@code set -x}): "+ cmd", "++ cmd" or "+cmd". */
  private static final Pattern XTRACE = Pattern.compile("^\\++ ?[\\w./$\"'\\[-]");

  /**
   * In a paragraph of shell-traced commands ({@code set -x}) and their output, the index of the last
   * traced command that printed output: the command that failed. Earlier traced commands succeeded;
   * they are not the cause. Returns {@code from} when the paragraph has no such line.
   */
  static int lastTracedCommand(List<ContextLine> tail, int from) {
    for (int i = tail.size() - 2; i > from; i--) {
      String t = tail.get(i).text();
      String next = tail.get(i + 1).text();
      if (XTRACE.matcher(t).find() && !XTRACE.matcher(next).find() && !next.startsWith("-") && !next.startsWith(" ")
          && !next.startsWith("@@")) {
        return XTRACE.matcher(tail.get(from).text()).find() ? i : from;
      }
    }
    return from;
  }

  /** A shell-traced echo or printf: "+ echo 'msg'". */
  private static final Pattern XTRACE_ECHO = Pattern.compile("^\\++ ?(?:echo|printf)\\b");

  /**
   * A shell script traced with {@code set -x} that stops on purpose ({@code + exit 1}) right after
   * echoing why ("Build left local git repository checkout dirty") says so in the output of its first
   * echo: that line is the cause, though it holds no error word. It replaces a line chosen by the
   * generic scorer or a generic wrapper rule only when that line is output of an earlier command than
   * the one the script tested (or comes after the exit, from a cleanup trap), and only when the tested
   * command printed nothing itself: a command that printed an error before the echo is its cause.
   */
  static Choice tracedExit(Steps steps, Step scope, Choice choice) {
    Step s = scope != null ? scope : choice != null ? steps.get(choice.candidate().step) : null;
    if (s == null || s.tracedExitLine < 0 || (s.failed() && s.tracedExitLine > s.failLine)) {
      return null;
    }
    if (choice != null && choice.hit() != null && choice.hit().rule().priority() >= 40) {
      return null;
    }
    List<ContextLine> tail = s.tracedExitTail;
    int firstEcho = -1;
    int command = tail.size() - 1;
    for (; command >= 0; command--) {
      String t = tail.get(command).text();
      if (XTRACE.matcher(t).find()) {
        if (!XTRACE_ECHO.matcher(t).find()) {
          break;
        }
        firstEcho = command;
      }
    }
    if (firstEcho < 0 || command < 0) {
      return null;
    }
    for (int k = command + 1; k < firstEcho; k++) {
      if (!tail.get(k).text().isBlank()) {
        return null; // the tested command printed something: that is the cause, the echo only wraps it
      }
    }
    long commandLine = tail.get(command).line();
    if (choice != null && choice.primary().line() >= commandLine && choice.primary().line() <= s.tracedExitLine) {
      return null;
    }
    int p = firstEcho + 1;
    while (p < tail.size() && (tail.get(p).text().isBlank() || XTRACE.matcher(tail.get(p).text()).find())) {
      p++;
    }
    if (p >= tail.size()) {
      return null;
    }
    ContextLine first = tail.get(p);
    Candidate c = new Candidate(first.line(), first.text(), s.index, 1, List.of(), List.of(), 0);
    for (int k = p + 1; k < tail.size(); k++) {
      if (!tail.get(k).text().isBlank()) {
        c.after.add(tail.get(k));
      }
    }
    c.after.add(new ContextLine(s.tracedExitLine, s.tracedExitText));
    c.fromTail = true;
    return new Choice(c, null, first);
  }
}
