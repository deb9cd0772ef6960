package dev.cidoctor.analysis;

import dev.cidoctor.model.ReasoningStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the reasoning trace of a rules-only diagnosis: for each step of the search, what was needed,
 * what was done (with the scan's counts) and what was found, in the words a reader of the report sees.
 */
final class ReasoningTrace {
  private ReasoningTrace() {}

  /** The one step of a log whose job ended well without an error line. */
  static ReasoningStep noFailure(Scanner scan) {
    return new ReasoningStep("The build may not have failed. I need to check how the job ended.",
        "Look for failure markers and the CI system's end-of-job lines in " + scan.lines + " lines",
        "No failure marker and no error line, and the job ended successfully"
            + (scan.succeeded ? "." : " (a complete GitHub Actions log without any ##[error] line)."));
  }

  /**
   * The three steps of a search for the cause: which step failed, which lines explain it, and whether
   * a rule knows the failure ({@code tracedExitLine} is the {@code + exit N} line when a traced
   * script's echoed message was chosen, else -1).
   */
  static List<ReasoningStep> search(Scanner scan, Step scope, List<Candidate> all, int ruleLines, Choice choice,
      long tracedExitLine) {
    List<ReasoningStep> trace = new ArrayList<>(3);
    long failed = scan.steps.stream().filter(Step::failed).count();
    String where;
    if (scope == null) {
      where = "No step stands out; the whole log is the scope.";
    } else if (scope.failed()) {
      where = (scope.name == null ? "The log" : "Step '" + Diagnoser.shorten(scope.name, 80) + "'")
          + " (lines " + scope.start + "-" + scope.end
          + ") ended with exit code " + scope.exitCode + " at line " + scope.failLine + ".";
    } else {
      where = "No step-level exit code; "
          + (scope.name == null ? "the log" : "step '" + Diagnoser.shorten(scope.name, 80) + "'")
          + " (from line " + scope.start
          + ") holds the strongest error lines" + (scan.jobFailLine > 0 ? " before the job failure at line " + scan.jobFailLine : "") + ".";
    }
    trace.add(new ReasoningStep("The build failed. I need to find which step failed.",
        "Segment " + scan.lines + " lines into steps and look for failure markers",
        scan.steps.size() + " steps, " + failed + " with a failure marker. " + where));
    long inScope = all.stream().filter(c -> scope == null || c.step == scope.index).count();
    String top = all.stream().filter(c -> scope == null || c.step == scope.index)
        .sorted(Comparator.comparingInt(Candidate::rank).reversed()).limit(3)
        .map(c -> "line " + c.line + ": " + Diagnoser.shorten(c.text.strip(), 100)).reduce((a, b) -> a + " | " + b).orElse("none");
    trace.add(new ReasoningStep("I need the lines that explain the failure.",
        "Score the error-like lines of the failing step (" + scan.decoded + " lines decoded of " + scan.lines + ")",
        inScope + " candidate lines; strongest: " + top));
    String ruleObs;
    if (choice != null && choice.hit() != null) {
      ruleObs = "Rule " + choice.hit().rule().id() + " (" + choice.hit().rule().category().wireName() + ", priority "
          + choice.hit().rule().priority() + ") matched line " + choice.primary().line() + ".";
    } else if (choice != null && tracedExitLine > 0) {
      ruleObs = "The traced script stopped with '+ exit' at line " + tracedExitLine + " after echoing line "
          + choice.primary().line() + "; its first echoed message is the cause.";
    } else if (choice != null) {
      ruleObs = "No rule matched in the failing step; the generic scorer picked line " + choice.primary().line() + ".";
    } else {
      ruleObs = "No rule matched and no line scored as an error.";
    }
    trace.add(new ReasoningStep("I should check whether this is a known kind of failure.",
        "Match the knowledge base against the candidate lines (" + scan.rules.attempts + " rule tries, " + ruleLines
            + " lines matched a rule"
            + (scan.rules.budgetExceeded > 0 ? ", " + scan.rules.budgetExceeded + " matches abandoned over budget" : "") + ")",
        ruleObs));
    return trace;
  }
}
