package dev.cidoctor.analysis;

import dev.cidoctor.model.Category;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.ReasoningStep;
import dev.cidoctor.model.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a finished scan into a diagnosis: finds the failing step, checks the multi-line conditions of
 * the rules that matched, picks the primary root-cause line, gathers the evidence around it, fills
 * the summary and fix from the rule's templates, and records each of these steps in the trace.
 */
final class Diagnoser {
  /** Below this, a line chosen by the generic scorer yields to the paragraph before the failure marker. */
  static final int WEAK_SCORE = 40;
  /** The highest score a line can bring to the ranking: below every rule of priority 40 or more. */
  private static final int MAX_LINE_SCORE = 139;
  /** What a non-test rule's line before the failing step's last passing test summary ranks at most. */
  private static final int BEFORE_PASSING_RUN = 60;
  /** Outside the failing step, a line without a rule competes only from this score up. */
  private static final int OUT_OF_SCOPE_MIN = 20;
  /**
   * A {@code {name}} placeholder in a rule's summary, suggestion or test-name template, or a counted one,
   * {@code {name|one|many}}: the value, a space, and {@code one} when the value is 1, else {@code many}
   * ("1 failure", "3 failures").
   */
  static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)(?:\\|([^|{}]*)\\|([^|{}]*))?\\}");

  private final Scanner scan;
  private final String input;
  private final String entry;
  private final String job;
  private final RequiresCheck requires;
  private final EvidenceBuilder evidenceBuilder;
  private final List<ReasoningStep> trace = new ArrayList<>();

  Diagnoser(Scanner scan, String input, String entry, String job) {
    this.scan = scan;
    this.input = input;
    this.entry = entry;
    this.job = job;
    this.requires = new RequiresCheck(scan);
    this.evidenceBuilder = new EvidenceBuilder(entry, requires);
  }

  Diagnosis diagnose() {
    boolean succeeded = jobSucceeded();
    if (succeeded && scan.steps.stream().flatMap(st -> st.candidates.stream()).noneMatch(c -> !c.hits.isEmpty() || c.score >= 65)) {
      trace.add(ReasoningTrace.noFailure(scan));
      String fp = Fingerprint.of(Category.UNKNOWN.wireName(), null, "");
      return new Diagnosis(input, job, Category.UNKNOWN, Severity.LOW, false,
          "No failure found: this job succeeded.", "Nothing to fix in this job; if the run failed, analyze the job that failed.",
          null, 0.0, List.of(), null, scan.tests.names(), fp, trace);
    }
    Step scope = failingStep();
    List<Candidate> all = new ArrayList<>();
    for (Step s : scan.steps) {
      all.addAll(s.candidates);
    }
    int ruleLines = 0;
    for (Candidate c : all) {
      if (!c.hits.isEmpty()) {
        ruleLines++;
      }
    }
    // Without a failure marker the failing step is only a guess: let every step compete, except that a
    // transient error (a download that failed and was done without) outside the guessed step ranks
    // below the rules that explain lines of that step.
    Choice choice = choose(scope != null && scope.failed() ? scope : null, scope, all);
    if (choice == null || (scope != null && scope.failed() && choice.candidate().step != scope.index)
        || (choice.hit() == null && choice.candidate().finalScore() < WEAK_SCORE)) {
      Choice tail = fromTail(scope);
      if (tail != null) {
        choice = tail;
      }
    }
    if (choice == null) {
      choice = lastFailedCommand(all);
    }
    if (choice != null && choice.hit() == null && Heuristics.isBareHeader(choice.primary().text())) {
      // "rake aborted!" or a lone "Error:": the message it announces is the next line
      ContextLine next = nextWithText(choice.candidate().after);
      if (next != null) {
        choice = new Choice(choice.candidate(), null, next);
      }
    }
    if (choice != null && choice.hit() != null && choice.hit().rule().primaryAbove()) {
      ContextLine cause = WrapperCause.lineAbove(choice.candidate());
      if (cause != null) {
        choice = new Choice(choice.candidate(), choice.hit(), cause);
      }
    }
    Choice traced = ShellTrace.tracedExit(scan.steps, scope, choice);
    // the line of the traced "+ exit N" whose echoed message was chosen, or -1
    long tracedExitLine = -1;
    if (traced != null) {
      choice = traced;
      tracedExitLine = scan.steps.get(traced.candidate().step).tracedExitLine;
    }
    trace.addAll(ReasoningTrace.search(scan, scope, all, ruleLines, choice, tracedExitLine));
    if (choice == null) {
      return nothingFound(scope);
    }
    Rule rule = choice.hit() == null ? null : choice.hit().rule();
    List<Evidence> evidence = evidenceBuilder.build(choice, scope, all);
    String step = stepName(scope, choice.candidate());
    Map<String, String> values = new HashMap<>(choice.hit() == null ? Map.of() : choice.hit().captures());
    values.put("line", shorten(choice.primary().text().strip(), 200));
    values.put("more", choice.primary().line() == choice.candidate().line
        ? continuation(choice.primary().text(), choice.candidate().after) : "");
    values.put("step", step == null ? "the failing step" : step);
    values.put("exitCode", scope != null && scope.failed() ? String.valueOf(scope.exitCode) : "non-zero");
    List<String> tests = scan.tests.names();
    values.put("tests", String.join(", ", tests.stream().limit(5).toList()) + (tests.size() > 5 ? ", ..." : ""));
    Category category;
    Severity severity;
    boolean transientFailure;
    String summary;
    String suggestion;
    double confidence;
    if (rule != null) {
      // A generic wrapper ("error Command failed with exit code 1.") does not know what failed; the
      // line it points at and the step's command often do ("prettier", "pytest").
      category = rule.category() == Category.UNKNOWN
          ? FallbackCategory.infer(choice.primary().text(), step, !tests.isEmpty()) : rule.category();
      severity = rule.severity();
      transientFailure = rule.transientFailure();
      // What comes from the log (captures, the primary line, test names) is redacted; the rule's own text
      // is not: masking it turned the suggestion's `POSTGRES_PASSWORD: postgres` into [REDACTED].
      Map<String, String> fromLog = new HashMap<>();
      values.forEach((k, v) -> fromLog.put(k, Redactor.redact(v)));
      summary = closeSummary(fill(rule.summary(), fromLog), fromLog.get("more"), rule.summary().contains("{more}"));
      suggestion = fill(rule.suggestion(), fromLog);
      boolean inScope = scope == null || choice.candidate().step == scope.index;
      confidence = inScope ? Math.min(0.95, 0.7 + rule.priority() / 400.0) : 0.55;
    } else {
      category = FallbackCategory.infer(choice.primary().text(), step, !tests.isEmpty());
      severity = Severity.MEDIUM;
      transientFailure = false;
      summary = closeSummary(Redactor.redact((step == null ? "The build failed" : "Step '" + shorten(step, 80) + "' failed") + ": "
          + shorten(choice.primary().text().strip(), 200)), Redactor.redact(values.get("more")), false);
      suggestion = FallbackCategory.suggestion(category, step);
      confidence = Math.min(0.6, 0.25 + choice.candidate().finalScore() / 400.0);
    }
    if (succeeded) {
      // The CI system says the job passed (continue-on-error, a tolerated step): report, do not alarm.
      summary = "The job ended successfully, but it reported: " + summary;
      severity = Severity.LOW;
      confidence = confidence / 2;
    }
    String fingerprint = Fingerprint.of(category.wireName(), rule == null ? null : rule.id(), choice.primary().text());
    return new Diagnosis(input, job, category, severity, transientFailure, summary, suggestion,
        rule == null ? null : rule.id(), round(confidence), evidence, step, scan.tests.names(), fingerprint, trace);
  }

  private Diagnosis nothingFound(Step scope) {
    List<Evidence> evidence = new ArrayList<>();
    if (scope != null && scope.failed()) {
      evidence.add(new Evidence(entry, scope.failLine, Redactor.redact(scope.failText)));
    } else if (scan.jobFailLine > 0) {
      evidence.add(new Evidence(entry, scan.jobFailLine, Redactor.redact(scan.jobFailText)));
    }
    String step = scope == null ? null : scope.name;
    String summary = evidence.isEmpty()
        ? "No failure found: the log holds no error line and no failure marker."
        : "The build failed without printing an error: " + evidence.get(0).text();
    String suggestion = evidence.isEmpty()
        ? "Check that this is the log of a failed job; a successful or truncated log has nothing to diagnose."
        : "Rerun the step with more output (for example ACTIONS_STEP_DEBUG=true or a verbose flag) to see why it exited.";
    String fp = Fingerprint.of(Category.UNKNOWN.wireName(), null, evidence.isEmpty() ? "" : evidence.get(0).text());
    return new Diagnosis(input, job, Category.UNKNOWN, Severity.LOW, false, summary, suggestion, null,
        evidence.isEmpty() ? 0.0 : 0.1, evidence, step, scan.tests.names(), fp, trace);
  }

  /** Says whether the log shows a job that ended well: no failure marker, and a success line. */
  private boolean jobSucceeded() {
    if (scan.jobFailLine > 0 || scan.steps.stream().anyMatch(Step::failed)) {
      return false;
    }
    return scan.succeeded || (scan.completeGitHubLog && scan.errorAnnotations == 0);
  }

  /** The step that failed: the first with a step-level failure marker, else the last one with strong lines. */
  Step failingStep() {
    for (Step s : scan.steps) {
      if (s.failed()) {
        return s;
      }
    }
    Step best = null;
    for (Step s : scan.steps) {
      if (scan.jobFailLine > 0 && s.start > scan.jobFailLine) {
        break;
      }
      if (isSetupOrCleanup(s.name)) {
        continue;
      }
      for (Candidate c : s.candidates) {
        if (!c.hits.isEmpty() || c.score >= 65) {
          best = s;
          break;
        }
      }
    }
    return best;
  }

  private static boolean isSetupOrCleanup(String name) {
    if (name == null) {
      return false;
    }
    return name.startsWith("cleanup") || name.equals("upload_artifacts_on_failure") || name.equals("Post job cleanup")
        || name.startsWith("Post ");
  }

  /** A test run's summary that reports no failure and no error ("54 runs, 288 assertions, 0 failures, 0 errors"). */
  private static final Pattern PASSING_SUMMARY = Pattern.compile(
      "(?i)^\\W{0,3}(?:\\d+ (?:runs?|tests?|examples?|specs?)\\b.*\\b0 failures?\\b|tests run: \\d+, failures: 0\\b)");
  private static final Pattern NONZERO = Pattern.compile("(?i)\\b[1-9]\\d* (?:failures?|errors?)\\b|\\b(?:failures|errors): [1-9]");

  static boolean passingSummary(String text) {
    return PASSING_SUMMARY.matcher(text).find() && !NONZERO.matcher(text).find();
  }

  private Choice choose(Step scope, Step guess, List<Candidate> all) {
    Choice best = null;
    long bestKey = Long.MIN_VALUE;
    // An error that a test run printed and then reported as passing did not stop it (a warning a test
    // helper prints, an expected error a test provokes): lines before the last passing summary of the
    // failing step lose their rule's rank, unless the rule names a failed test.
    long lastPassing = -1;
    for (Candidate c : all) {
      if (scope != null && scope.failed() && c.step == scope.index && c.hits.isEmpty() && passingSummary(c.text)) {
        lastPassing = Math.max(lastPassing, c.line);
      }
    }
    for (Candidate c : all) {
      boolean inScope = scope == null || c.step == scope.index;
      int score = c.score >= 15 && inScope ? c.finalScore() : c.score;
      boolean explained = false;
      for (RuleHit h : c.hits) {
        ContextLine primary = requires.check(c, h);
        if (primary == null) {
          continue;
        }
        explained = true;
        // A line a rule explains keeps the rule as its explanation, ranked at least as its own score.
        int strength = Math.max(ruleStrength(h.rule().priority()), primary.line() == c.line ? Math.min(score, MAX_LINE_SCORE) : 0);
        if (inScope && c.line < lastPassing && h.rule().category() != Category.TEST_FAILURE) {
          strength = Math.min(strength, BEFORE_PASSING_RUN);
        }
        boolean demoted = !inScope
            || (scope == null && guess != null && c.step != guess.index && h.rule().transientFailure());
        long key = (demoted ? 1L : 2L) << 41 | ((long) strength << 32)
            | (h.rule().pickLast() ? c.line & 0xFFFFFFFFL : 0xFFFFFFFFL - (c.line & 0xFFFFFFFFL));
        if (key > bestKey) {
          bestKey = key;
          best = new Choice(c, h, primary);
        }
      }
      if (!explained && (score >= OUT_OF_SCOPE_MIN || (inScope && score > 1))) {
        // Without a failure marker (a log cut short), the last step with error lines is where the job
        // stopped: among equal scores a later step wins, and within a step the first line (candidates
        // come in line order and only a greater key replaces the best).
        long order = scope == null ? c.step : 0xFFFFFFFFL - (c.line & 0xFFFFFFFFL);
        long key = (inScope ? 2L : 1L) << 41 | ((long) Math.min(score, MAX_LINE_SCORE) << 32) | order;
        if (key > bestKey) {
          bestKey = key;
          best = new Choice(c, null, new ContextLine(c.line, c.text));
        }
      }
    }
    return best;
  }

  /**
   * For a log with no error line and no failure marker (an excerpt, a job that retried and was cut
   * off), the last line that says a command failed ("The process '/usr/bin/git' failed with exit code
   * 1"), or the output above it that the line repeats; null when there is none either.
   */
  private static Choice lastFailedCommand(List<Candidate> all) {
    for (int i = all.size() - 1; i >= 0; i--) {
      Candidate c = all.get(i);
      if (Heuristics.saysCommandFailed(c.text)) {
        ContextLine cause = WrapperCause.lineAbove(c);
        return new Choice(c, null, cause != null ? cause : new ContextLine(c.line, c.text));
      }
    }
    return null;
  }

  /**
   * For a failing step that printed no error-like line: the last paragraph before its failure marker,
   * which is where a command says why it stopped ("No Rakefile found", "R CMD check failed").
   */
  private Choice fromTail(Step scope) {
    List<ContextLine> tail = scope != null && scope.failed() ? scope.tail : scan.jobFailTail;
    if (tail.isEmpty()) {
      return null;
    }
    int from = tail.size() - 1;
    while (from > 0 && tail.get(from).line() - tail.get(from - 1).line() <= 2 && tail.size() - from < 8) {
      from--;
    }
    while (from < tail.size() - 1 && tail.get(from).text().chars().noneMatch(Character::isLetterOrDigit)) {
      from++; // a table border or a rule of dashes says nothing
    }
    from = ShellTrace.lastTracedCommand(tail, from);
    int pick = pickInParagraph(tail, from);
    ContextLine first = tail.get(pick);
    Candidate c = new Candidate(first.line(), first.text(), scope == null ? scan.steps.size() - 1 : scope.index, 1,
        List.of(), tail.subList(from, pick), 0);
    c.after.addAll(tail.subList(pick + 1, tail.size()));
    c.fromTail = true;
    return new Choice(c, null, first);
  }

  /** A line a program logs at an informational level ("INFO:root:...", "[INFO] ...", "DEBUG ..."). */
  private static final Pattern INFORMATIONAL = Pattern.compile(
      "\\W{0,2}(?:INFO|DEBUG|TRACE|NOTICE)\\b\\W");

  /**
   * The line of the last paragraph that says why the step stopped: the first line after the last
   * one logged at an informational level (a tool that logs its progress, then prints why it refuses
   * to go on), else the paragraph's first line.
   */
  private static int pickInParagraph(List<ContextLine> tail, int from) {
    int afterInfo = from;
    for (int i = from; i < tail.size(); i++) {
      String t = tail.get(i).text();
      if (INFORMATIONAL.matcher(t).lookingAt()) {
        afterInfo = Math.min(i + 1, tail.size() - 1);
      }
    }
    return afterInfo;
  }

  /**
   * Puts rule priorities on the scale of the line scorer (whose best lines score up to 139): a rule
   * of priority 40 or more beats any line the scorer likes; a weaker rule (a generic wrapper) only
   * beats lines that look less like an error than it does.
   */
  static int ruleStrength(int priority) {
    return priority >= 40 ? MAX_LINE_SCORE + 1 + priority : 10 + 3 * priority;
  }

  private String stepName(Step scope, Candidate c) {
    if (scope != null && scope.failed() && scope.name != null) {
      return scope.name;
    }
    String name = scan.steps.get(c.step).name;
    return name;
  }

  static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    int from = 0;
    while (m.find(from)) {
      sb.append(template, from, m.start());
      String v = values.get(m.group(1));
      if (v != null && m.group(2) != null) {
        v = v + " " + (v.strip().equals("1") ? m.group(2) : m.group(3));
      }
      // A capture of another of the rule's patterns is absent: leave it out rather than print "?".
      sb.append(v == null ? "" : v);
      from = m.end();
      // "{message}." with a message that ends its own sentence: one full stop, not two
      if (v != null && !v.isEmpty() && ".!?".indexOf(v.charAt(v.length() - 1)) >= 0
          && from < template.length() && template.charAt(from) == '.' && !template.startsWith("..", from)) {
        from++;
      }
    }
    sb.append(template, from, template.length());
    return sb.toString();
  }

  /**
   * For a primary line that ends with a colon and leaves its message to the next line (pytest's
   * {@code E   AssertionError: } over {@code E   Arrays are not equal}): that next non-blank line,
   * without the tag both lines open with, as the rest of a sentence; "" otherwise. Rules opt in
   * with the {@code {more}} placeholder.
   */
  static String continuation(String primary, List<ContextLine> after) {
    String p = primary.stripTrailing();
    ContextLine next = p.endsWith(":") ? nextWithText(after) : null;
    if (next == null) {
      return "";
    }
    String t = next.text();
    int k = 0;
    while (k < t.length() && k < p.length() && t.charAt(k) == p.charAt(k)) {
      k++;
    }
    while (k > 0 && !Character.isWhitespace(t.charAt(k - 1))) {
      k--; // back to a word boundary: the shared tag, not half of a shared word
    }
    String rest = t.substring(k).strip();
    return rest.isEmpty() ? "" : (Character.isWhitespace(primary.charAt(primary.length() - 1)) ? "" : " ") + shorten(rest, 160);
  }

  /**
   * A summary whose last value announces the next line ("panicked at src/lib.rs:31:9:") takes that line
   * ({@code more}) when its template did not already, and otherwise loses the dangling colon.
   */
  static String closeSummary(String summary, String more, boolean templateUsedMore) {
    String s = summary.stripTrailing();
    if (!s.endsWith(":")) {
      return summary;
    }
    if (!templateUsedMore && more != null && !more.isBlank()) {
      s = (s + more).stripTrailing(); // the next line may announce another: its colon goes
      if (!s.endsWith(":")) {
        return s;
      }
    }
    return s.substring(0, s.length() - 1).stripTrailing();
  }

  /** The first of {@code lines} with text of its own (not blank, not only a tag or a rule of dashes, not build progress), or null. */
  private static ContextLine nextWithText(List<ContextLine> lines) {
    for (ContextLine l : lines) {
      if (!Heuristics.holdsNoText(l.text()) && !Heuristics.isBuildProgress(l.text())) {
        return l;
      }
    }
    return null;
  }

  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }

  private static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }

}
