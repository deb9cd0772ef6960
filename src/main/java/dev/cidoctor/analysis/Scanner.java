package dev.cidoctor.analysis;

import dev.cidoctor.logs.LineReader;
import dev.cidoctor.logs.LineSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One pass over a log: segments it into steps, notes failure markers, and keeps the lines that may
 * explain the failure (rule matches and high-scoring lines) with the lines around them. Memory is
 * bounded by the number of candidates kept, not by the size of the log.
 */
final class Scanner implements LineSink {
  static final int MAX_REQUIRES_WINDOW = 30;
  static final int MAX_CONTEXT_BEFORE = 10;
  static final int MAX_CONTEXT_AFTER = 30;
  private static final int KEYWORD_AFTER = 40;
  private static final int KEYWORD_BEFORE = 3;

  private final KnowledgeBase kb;
  private final int[] found;
  private final int[] seenLiteral;
  private final int[] seenRule;
  private int stamp;

  final Steps steps = new Steps();
  /** Runs the rules the prefilter picks for a line, and counts the tries. */
  final RuleMatcher rules;
  /** The failed tests that rules named, each once. */
  final FailedTests tests = new FailedTests();
  long lines;
  long jobFailLine = -1;
  String jobFailText;
  List<ContextLine> jobFailTail = List.of();
  /** GitHub Actions lines starting with ##[error]; a complete job log without any did not fail. */
  long errorAnnotations;
  /** Saw GitHub's last line of every job, so the log is whole, not an excerpt. */
  boolean completeGitHubLog;
  /** Saw a CI system's own success line (Travis, GitLab, Jenkins). */
  boolean succeeded;
  long decoded;

  private final RecentLines recent = new RecentLines();
  /** What {@link #sort} found in the current line. */
  private boolean marker;
  private boolean keyword;
  private final List<Rule> toTry = new ArrayList<>();
  private final List<Candidate> open = new ArrayList<>();
  private final RequiresCheck testNames = new RequiresCheck(this);
  private boolean inStepHeader;
  /** Line of the last travis_time:start marker, or -1 when the log is not from Travis. */
  private long travisTimeLine = -1;
  /** First line of a Travis failure marker whose command spans lines, until its end line; else -1. */
  private long markerTextFrom = -1;
  /** A step header longer than this lost its ##[endgroup]; what follows is output again. */
  private static final int MAX_HEADER_LINES = 400;

  Scanner(KnowledgeBase kb) {
    this.kb = kb;
    this.rules = new RuleMatcher();
    this.found = new int[Math.max(16, kb.literalCount())];
    this.seenLiteral = new int[kb.literalCount()];
    this.seenRule = new int[Math.max(1, kb.rules.size())];
  }

  @Override
  public void line(long number, byte[] bytes, int offset, int length, boolean truncated) {
    lines = number;
    stamp++;
    int end = offset + length;
    int from = RuleText.start(bytes, offset, end); // where the text rules see begins
    int hits = kb.index.scanText(bytes, from, end, found, seenLiteral, stamp);
    String text = null;
    if (!open.isEmpty()) {
      text = RuleText.of(bytes, offset, length);
      decoded++;
      for (Iterator<Candidate> it = open.iterator(); it.hasNext(); ) {
        Candidate c = it.next();
        c.after.add(new ContextLine(number, text));
        if (c.after.size() >= c.afterWanted) {
          it.remove();
          nameTests(c);
        }
      }
    }
    if (hits > 0 && sort(bytes, from, end, hits)) {
      if (text == null) {
        text = RuleText.of(bytes, offset, length);
        decoded++;
      }
      examine(number, text);
    }
    recent.remember(number, bytes, offset, length);
  }

  /**
   * Sorts the literals the prefilter found in a line into {@link #marker}, {@link #keyword} and the
   * rules worth trying ({@link #toTry}); says whether the line needs a closer look. A rule whose
   * every pattern's gate turns the line away at its start (Mocha's titles want 7 or 8 spaces of
   * indentation, not the 20 of a code listing) is dropped here, before the line is decoded.
   */
  private boolean sort(byte[] bytes, int from, int end, int hits) {
    marker = false;
    keyword = false;
    toTry.clear();
    for (int i = 0; i < hits; i++) {
      int id = found[i];
      if (id >= kb.firstMarker) {
        marker = true;
      } else if (id >= kb.firstKeyword) {
        keyword = true;
      } else {
        for (int r : kb.rulesByLiteral[id]) {
          if (seenRule[r] == stamp) {
            continue;
          }
          seenRule[r] = stamp;
          Rule rule = kb.rules.get(r);
          if (mayAdmitStart(rule, bytes, from, end)) {
            toTry.add(rule);
          }
        }
      }
    }
    return marker || keyword || !toTry.isEmpty();
  }

  private static boolean mayAdmitStart(Rule rule, byte[] bytes, int from, int end) {
    for (LinePattern p : rule.linePatterns()) {
      if (p.mayAdmitStart(bytes, from, end)) {
        return true;
      }
    }
    return false;
  }

  private void examine(long number, String text) {
    List<Rule> toTry = this.toTry.isEmpty() ? null : this.toTry;
    if (!marker && markerTextFrom > 0 && number - markerTextFrom < MAX_HEADER_LINES) {
      return; // the text of a multi-line Travis command, not output
    }
    if (marker && structure(number, text)) {
      // Markers carry facts rules may need ("exited with 124" is a timeout, "exit code 137" an OOM kill).
      if (toTry != null && !inStepHeader) {
        List<RuleHit> markerHits = rules.match(toTry, text);
        if (!markerHits.isEmpty()) {
          Candidate c = new Candidate(number, text, steps.current().index, 0, markerHits, recent.before(number, KEYWORD_BEFORE), 0);
          steps.current().add(c);
          nameTests(c);
        }
      }
      return;
    }
    if (inStepHeader && number - steps.current().start < MAX_HEADER_LINES) {
      return; // GitHub echoes the step's script and env between ##[group]Run and ##[endgroup]: not output
    }
    List<RuleHit> ruleHits = toTry == null ? List.of() : rules.match(toTry, text);
    int score = keyword ? Heuristics.quick(text) : 0;
    if (score <= 0 && ruleHits.isEmpty()) {
      return;
    }
    int wantAfter = score >= 65 ? KEYWORD_AFTER : 6;
    int wantBefore = KEYWORD_BEFORE;
    for (RuleHit h : ruleHits) {
      Rule r = h.rule();
      // a block the rule shows may go on while its lines keep the primary line's tag (EvidenceBuilder)
      wantAfter = Math.max(wantAfter, r.contextAfter() == 0 ? 0 : r.contextAfter() + EvidenceBuilder.EXTENDED_BLOCK_LINES);
      wantBefore = Math.max(wantBefore, r.contextBefore());
      if (r.primaryAbove()) {
        wantBefore = Math.max(wantBefore, WrapperCause.LOOKBACK); // the cause a wrapper repeats is above it
      }
      if (r.requires() != null) {
        if (r.requires().after()) {
          wantAfter = Math.max(wantAfter, r.requires().within());
        } else {
          wantBefore = Math.max(wantBefore, r.requires().within());
        }
      }
      if (r.collectTests() && r.requires() == null) {
        tests.addFrom(r, h.captures());
      }
    }
    Candidate c = new Candidate(number, text, steps.current().index, score, ruleHits, recent.before(number, wantBefore), wantAfter);
    steps.current().add(c);
    open.add(c); // its tests are named once the lines after it are in (nameTests)
  }

  /**
   * Records the tests named by the hits whose rule names a test only with a second line
   * ({@code requires}), once the lines the condition looks at are all there. This happens during the
   * scan, so a log with hundreds of failed tests names them all, not only those whose lines are kept
   * as candidates until the diagnosis.
   */
  private void nameTests(Candidate c) {
    for (RuleHit h : c.hits) {
      testNames.nameTest(c, h);
    }
  }

  /** Handles a step or failure marker; returns true when the line is only structure. */
  private boolean structure(long number, String t) {
    if (t.startsWith("##[error]")) {
      errorAnnotations++;
    }
    Marker marker = Marker.of(t);
    boolean inCommandText = markerTextFrom > 0 && number - markerTextFrom < MAX_HEADER_LINES;
    if (inCommandText && (marker == null || marker.kind().compareTo(Marker.Kind.COMMAND_TEXT) > 0)) {
      return true; // the text of a multi-line Travis command, not output
    }
    if (marker == null) {
      return false;
    }
    switch (marker.kind()) {
      case GITHUB_END -> completeGitHubLog = true;
      case SUCCEEDED -> succeeded = true;
      case STEP_HEADER -> {
        steps.start(number, marker.name());
        inStepHeader = true;
      }
      case STEP_START -> steps.start(number, marker.name());
      case GROUP_END -> {
        if (inStepHeader) {
          steps.current().outputFrom = number;
        }
        inStepHeader = false;
      }
      case GROUP, STRUCTURE -> {
        // structure only
      }
      case STEP_EXIT -> failStep(number, t, marker.exitCode());
      case COMMAND_EXIT -> {
        if (marker.exitCode() != 0) {
          failStep(number, t, marker.exitCode());
        }
        markerTextFrom = -1;
      }
      case COMMAND_TEXT -> markerTextFrom = number;
      case JOB_FAILED -> {
        if (jobFailLine < 0) {
          jobFailLine = number;
          jobFailText = t;
          jobFailTail = recent.tail(number, 0);
        }
        // GitHub's timeout and cancellation lines are their own root cause: keep them as candidates.
        return !t.startsWith("##[error]The job running") && !t.startsWith("##[error]The operation was canceled");
      }
      case TRAVIS_TIME_START -> travisTimeLine = number;
      case PROMPT -> {
        // On Travis a step's prompt follows its travis_time:start line; other "$ " lines are printed
        // by the step itself (yarn echoes the commands it runs) and must not split it.
        if (travisTimeLine < 0 || number - travisTimeLine <= 1) {
          steps.start(number, marker.name());
        }
        return false;
      }
      case TRACED_EXIT -> {
        Step s = steps.current();
        if (marker.exitCode() != 0 && s.tracedExitLine < 0 && !inStepHeader) {
          s.tracedExitLine = number;
          s.tracedExitText = t;
          s.tracedExitTail = recent.before(number, RecentLines.SIZE - 1);
        }
      }
    }
    return true;
  }

  private void failStep(long number, String text, int code) {
    Step s = steps.current();
    steps.failed(s);
    if (!s.failed()) {
      s.failLine = number;
      s.failText = text;
      s.exitCode = code;
      long upTo = markerTextFrom > 0 ? markerTextFrom : number;
      s.tail = recent.tail(upTo, s.outputFrom); // what the step printed, not the script GitHub echoed
      if (s.tail.isEmpty()) {
        s.tail = recent.tail(upTo, s.start); // it printed nothing: its script says what it did ("exit 1")
      }
    }
  }

  /**
   * Appends the scan of the chunk that follows this one in the same log: its line numbers move down
   * by this chunk's line count, its first step continues this chunk's last, its later steps follow.
   */
  void merge(Scanner next) {
    long off = lines;
    steps.append(next.steps, off);
    if (jobFailLine < 0 && next.jobFailLine > 0) {
      jobFailLine = next.jobFailLine + off;
      jobFailText = next.jobFailText;
      jobFailTail = Candidate.shift(next.jobFailTail, off);
    }
    tests.addAll(next.tests);
    lines += next.lines;
    decoded += next.decoded;
    rules.addCounts(next.rules);
    errorAnnotations += next.errorAnnotations;
    completeGitHubLog |= next.completeGitHubLog;
    succeeded |= next.succeeded;
  }

  /** Reads {@code in} to its end, line by line. */
  long read(InputStream in) throws IOException {
    return LineReader.read(in, this);
  }

  /** Ends the scan: closes the last step. */
  void finish() {
    steps.current().end = lines;
    for (Candidate c : open) {
      nameTests(c); // the log ended inside the lines it wanted after it
    }
    open.clear();
    recent.clear();
  }
}
