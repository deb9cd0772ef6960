package dev.cidoctor.analysis;

import java.util.regex.Pattern;

/**
 * Scores a line by how much it looks like the reason a build failed, for logs no rule explains.
 * A line that starts with an error marker (an exception name, {@code error:}, {@code FAILED}) or
 * carries a compiler-style {@code file:line: error} scores highest; words such as "failed" or
 * "cannot" anywhere score less; warnings, summaries reporting zero failures, stack frames, and the
 * wrapper lines that only repeat an exit code ("Process completed with exit code 1") score lowest,
 * so the real error wins over them.
 */
final class Heuristics {
  private static final Pattern LEADING = Pattern.compile(
      // the lead-in group has no '?': its last branch matches the empty string already, and an optional
      // group made a line that does not match try the whole alternation a second time
      "(?:E\\s+|>\\s+|\\[\\s*(?:ERROR|FATAL|FAIL(?:ED)?)\\s*\\]\\s*|\\s*\\d+\\)\\s+|\\W{0,3}\\s*)(?:[\\w.$]*(?:Error|Exception|Failure|Fault|Interrupt)(?::|\\s*$)"
          + "|error\\b|ERROR\\b|Error\\b|FATAL\\b|[Ff]atal\\b|FAIL(?:ED|URE)?\\b|[Ff]ailed\\b|[Ff]ailure\\b|panic:|Traceback|[Aa]borted"
          + "|Segmentation fault|Access violation|Illegal instruction|[\u2717\u2716\u2718\u00d7]|thread '.*' panicked at|\\*\\* \\(\\w+\\)|[Cc]ould not|[Cc]annot|[Uu]nable to|[Nn]o such)");
  private static final Pattern LOCATED = Pattern.compile(
      "\\w\\.\\w+[:(]\\d+(?:[:,]\\d+)?\\)?:?\\s*(?:fatal )?(?:error|Error|ERROR)\\b|\\berror(?:\\[E\\d+\\]| TS\\d+| CS\\d+| C\\d+| [A-Z]{2,}\\d+)\\b"
          + "|^\\s*\\S+:\\d+:(?:\\d+:)? (?:error|undefined|fatal)"
          // a linter's line:column under its file name (eslint's and stylelint's default format): "  3:8  error  ..."
          + "|^\\s*\\d+:\\d+\\s+(?:error|\\u2716)\\s");
  private static final Pattern STRONG = Pattern.compile(
      "\\bERR!|\\bFAILED\\b|\\bFAIL\\b|--- FAIL|\\bFAILURE\\b|\\b[A-Z][A-Za-z]+(?:Exception|Error)\\b|\\bpanic: |\\bfatal:"
          + "|\\bFATAL\\b|Segmentation fault|Access violation|Illegal instruction|undefined reference|[\u2717\u2716\u2718]|\\bAssertionError\\b|\\berror:|\\bERROR\\b|\\baborted!");
  /**
   * A build's progress line that only names what it compiles (cargo's "Compiling thiserror v1.0.50",
   * GHC's "[ 3 of 220] Compiling Control.Exception", stack's "pkg > [ 6 of 25] Compiling X.Error").
   */
  private static final String PROGRESS =
      "^(?:\\S+\\s+>\\s+)?(?:\\[\\s*\\d+ of \\d+\\]\\s+)?Compiling\\s+[\\w.:/-]+(?:\\s+v\\d\\S*)?(?:\\s+\\([^)]*\\))?\\s*$";
  private static final Pattern PROGRESS_LINE = Pattern.compile(PROGRESS);
  private static final Pattern NOISE = Pattern.compile(
      "(?i)warn(?:ing)?\\b|deprecat|\\b(?:x?fail(?:ed|ures?)?|errors?)\\s*[:=]\\s*0\\b|\\b0 (?:errors?|failures?|failed)\\b|\\bfailures?: 0\\b|\\berrors?: 0\\b"
          + "|(?:^|\\s)-W(?:error|no-)(?![^\\[\\]]*\\])|error_reporting|ignore[_-]?errors?|continue-on-error|fail-fast|allow[_-]fail"
          + "|errorprone|on_failure|\\bif: failure\\(\\)|--fail-|failfast|\\bno errors?\\b|without errors"
          + "|error-prone|\\bonerror\\b|\\.error\\(|errors?\\.(?:go|py|js|ts|rb|java|h|c|o|cc|cpp|class)\\b"
          + "|\\b(?:test|it|spec)\\w*[_ ](?:fail|error)\\w*\\b(?!.*(?:FAIL|ERROR|failed))|\\bPASS(?:ED)?\\b|\\bok\\b|\u2713|\u2714"
          + "|Unable to find image .* locally|^(?:Downloading|Downloaded|Installing|Collecting|Requirement already|Get:\\d|Unpacking|Setting up|Selecting|Preparing)"
          + "|" + PROGRESS);
  /** Lines that only repeat that something failed, matched at the start of the line. */
  private static final Pattern WRAPPER = Pattern.compile(
      "##\\[error\\]Process completed with exit code|The command \".*\" exited with \\d+\\.|Done\\. Your build exited with"
          + "|ERROR: Job failed|Finished: |Build step '.*' marked build as failure|\\[ERROR\\] (?:-> \\[Help 1\\]|Re-run Maven"
          + "|To see the full stack trace|For more information about the errors|\\[Help 1\\]|After correcting the problems)"
          + "|\\[ERROR\\]\\s*$|ERROR: script returned exit code|Error: Process completed with exit code"
          + "|make(?:\\[\\d+\\])?: \\*\\*\\* \\[.*\\] Error \\d|error Command failed with exit code|info Visit https"
          + "|(?:##\\[error\\]|Error: )?The process '.*' failed with exit code"
          + "|FAILURE: Build failed with an exception\\.|BUILD FAILED|\\[(?:ERROR|INFO)\\] BUILD FAILURE|\\[INFO\\] \\S.*? \\.{3,} FAILURE \\[|\\*\\*\\* Failed \\*\\*\\*"
          + "|Error: Command failed|\\*\\s*What went wrong:|\\* Try:|> Run with --"
          + "|##\\[error\\]Executing the custom container implementation failed");
  /**
   * A test run's tally of failures ("Failed 1/2 test programs", "3 failing", "Tests: 2 failed, 40
   * passed", "FAILED (failures=1)", "Result: FAIL"): it says that tests failed, not why, so a line with
   * an error message outranks it or ties with it and, being later, loses; it stays strong enough that a log
   * whose only lead it is still names it.
   */
  private static final Pattern COUNT_ONLY = Pattern.compile(
      "(?i)\\W{0,3}(?:failed\\s+\\d+/\\d+\\s+(?:subtests|test programs|tests)\\b"
          + "|\\d+\\s+(?:failing|failed|failures?|errors?|problems?)\\b(?!\\s*:)"
          + "|(?:tests?|examples?|specs?|suites?)\\s*(?:run)?:?\\s*\\d+\\b[^:]*\\b(?:failed|failures?|failing)\\b"
          + "|(?:result|status):\\s*fail(?:ed|ure)?\\s*$"
          + "|failed\\s*\\((?:failures|errors)=\\d+)");
  static final int COUNT_ONLY_CAP = Diagnoser.WEAK_SCORE;

  /** Notices some tools print on stderr (which Maven and Gradle then tag as errors) that never say why a build failed. */
  private static final Pattern NOTICE = Pattern.compile(
      "(?:\\[(?:ERROR|WARNING|INFO)\\]\\s*)?Picked up (?:JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS):");
  /** Lines that only repeat an exit code, recognised by their end. */
  private static final Pattern WRAPPER_END = Pattern.compile(
      "(?:\" exited with \\d+|exited with (?:exit )?code \\d+|failed with exit code \\d+)\\.?$");

  private Heuristics() {}

  /** A header that announces an error whose text is on the next line ("rake aborted!", "Error:", "FAILURE:"). */
  private static final Pattern BARE_HEADER = Pattern.compile(
      "(?i)(?:\\[\\w+\\]\\s*|\\d+\\)\\s*)?\\W{0,3}(?:[\\w.-]+ aborted!|(?:\\w+\\s+)?(?:error|fatal|failure|failed)s?\\s*:?)\\s*");
  /** A log-level tag and a line of dashes or blanks: no text of its own ("[INFO] -------", "[ERROR] "). */
  private static final Pattern NO_TEXT = Pattern.compile("(?:\\[\\w+\\]\\s*)?[\\W_]*");

  /** Says whether a line holds no text of its own beyond a log-level tag (a separator, a blank). */
  static boolean holdsNoText(String text) {
    return NO_TEXT.matcher(text.strip()).matches();
  }

  /** Says whether a line is only a build's progress ("[ 6 of 19] Compiling Paths_ShellCheck ( ... )"), which parallel builds interleave with messages. */
  static boolean isBuildProgress(String text) {
    return PROGRESS_LINE.matcher(text.strip()).find();
  }

  static boolean isBareHeader(String text) {
    return BARE_HEADER.matcher(text.strip()).matches();
  }

  /** Says whether a line is a wrapper that reports a command's non-zero exit ("... failed with exit code 1"). */
  static boolean saysCommandFailed(String text) {
    String t = text.strip();
    return quick(t) == 1 && t.indexOf("xit") >= 0 && WRAPPER_END.matcher(t).find();
  }

  /** The quick score of an ordinary line; below it are frames, notices, wrappers and npm's echo. */
  static final int PLAIN = 15;

  /** Says whether a line only repeats or frames a failure (a stack frame, a wrapper, npm's echo). */
  static boolean repeatsOnly(String text) {
    return quick(text) < PLAIN;
  }

  /**
   * The cheap part of the score, computed for every line that holds an error keyword: 0 for stack
   * frames, 1 for wrappers, 5 for npm's echo, 15 for a keyword anywhere, 65 for a line that starts
   * with an error marker. {@link #refine} adds the costlier features later, for the few lines that
   * compete to be the root cause.
   */
  static int quick(String text) {
    String t = text.strip();
    if (t.isEmpty() || t.length() > 2000 || isFrame(text)) {
      return 0;
    }
    if (NOTICE.matcher(t).lookingAt()) {
      return 0;
    }
    if (WRAPPER.matcher(t).lookingAt() || (t.indexOf("xit") >= 0 && WRAPPER_END.matcher(t).find())) {
      return 1;
    }
    if (t.startsWith("npm ERR!")) {
      return 5; // npm repeats the failure of the script it ran; rules name the npm errors that are causes
    }
    String body = t.startsWith("##[error]") ? t.substring(9) : t;
    return LEADING.matcher(body).lookingAt() ? 65 : PLAIN;
  }

  /** The full score of a line whose quick score is {@code quick}: higher is more likely the cause. */
  static int refine(String text, int quick) {
    if (quick < 15) {
      return quick;
    }
    String t = text.strip();
    String body = t.startsWith("##[error]") ? t.substring(9) : t;
    int s = quick;
    try {
      if (LOCATED.matcher(body).find()) {
        s += 40;
      }
      if (STRONG.matcher(body).find()) {
        s += 25;
      }
      if (NOISE.matcher(body).find()) {
        s -= 45;
      }
    } catch (StackOverflowError e) {
      return quick;
    }
    if (s > COUNT_ONLY_CAP && COUNT_ONLY.matcher(body).lookingAt()) {
      s = COUNT_ONLY_CAP;
    }
    if (t.startsWith("##[warning]")) {
      s -= 30;
    }
    if (text.startsWith("    ") && !t.startsWith("E ") && s < 90) {
      s -= 10; // indented: usually detail or code under a header
    }
    return Math.max(s, 2);
  }

  private static boolean isFrame(String text) {
    int i = 0;
    int n = text.length();
    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (i == 0) {
      return false;
    }
    return text.startsWith("at ", i) || text.startsWith("File \"", i) || text.startsWith("from ", i)
        || (text.startsWith("... ", i) && text.endsWith(" more"));
  }

  /** Says whether a line ends the block of an error: a step or fold marker, a prompt, an exit-code line. */
  static boolean endsBlock(String text) {
    String t = text.strip();
    return t.startsWith("travis_") || t.startsWith("##[group]") || t.startsWith("##[endgroup]") || t.startsWith("section_")
        || t.startsWith("$ ") || t.startsWith("The command \"") || t.startsWith("##[error]Process completed")
        || t.startsWith("[Pipeline]") || t.startsWith("Done. Your build exited");
  }
}
