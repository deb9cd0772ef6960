package dev.cidoctor.analysis;

import java.util.regex.Pattern;

/**
 * Scores a line by how much it looks like the reason a build failed, for logs no rule explains.
 * The weights come from the labelled corpus: error lines of compilers and test runners score high;
 * warnings, summaries that report zero failures, and the wrapper lines that only repeat an exit
 * code ("Process completed with exit code 1") score low, so the real error wins over them.
 */
final class Heuristics {
  private static final Pattern STRONG = Pattern.compile(
      "(?:^|[\\s:\\[(])(?:error|ERROR|Error)(?:\\[\\w+\\])?[:!\\]]|\\bERR!|^E\\s{2,}\\S|\\bFAILED\\b|\\bFAIL\\b|^FAIL|--- FAIL"
          + "|\\bFAILURE\\b|\\b[A-Z][A-Za-z]+(?:Exception|Error)\\b|Traceback \\(most recent call last\\)|^panic: |\\bfatal:"
          + "|\\bFATAL\\b|Segmentation fault|undefined reference|[\u2717\u2716\u2718]|^\\s*\u00d7 |\\bAssertionError\\b");
  private static final Pattern MEDIUM = Pattern.compile(
      "(?i)\\berror\\b|\\bfail(?:ed|s|ure)?\\b|exception|cannot |could not|couldn't|unable to|not found|no such file"
          + "|permission denied|timed out|refused|killed|undefined|unresolved|no matching|conflict");
  private static final Pattern WEAK = Pattern.compile(
      "(?i)invalid|missing|unexpected|expected|assert|violation|mismatch|differ|incorrect|broken|problem|denied");
  private static final Pattern NOISE = Pattern.compile(
      "(?i)warn(?:ing)?\\b|deprecat|\\b0 (?:errors?|failures?|failed)\\b|\\bfailures?: 0\\b|\\berrors?: 0\\b"
          + "|(?:^|\\s)-W(?:error|no-)|error_reporting|ignore[_-]?errors?|continue-on-error|fail-fast|allow[_-]fail"
          + "|errorprone|on_failure|\\bif: failure\\(\\)|--fail-|failfast|stderr|\\bno errors?\\b|without errors"
          + "|error-prone|onerror|\\.error\\(|errors?\\.(?:go|py|js|ts|rb|java|h|c|o)\\b|\\btest_\\w*(?:fail|error)\\w*\\b(?!.*(?:FAIL|ERROR))");
  private static final Pattern WRAPPER = Pattern.compile(
      "^##\\[error\\]Process completed with exit code|^The command \".*\" exited with \\d+\\.|^Done\\. Your build exited with"
          + "|^ERROR: Job failed|^Finished: |^Build step '.*' marked build as failure|^\\[ERROR\\] (?:-> \\[Help 1\\]|Re-run Maven"
          + "|To see the full stack trace|For more information about the errors|\\[Help 1\\]|After correcting the problems"
          + "|$)|^npm ERR! (?:A complete log of this run|\\s*$|Failed at the|This is probably not a problem|Tell the author"
          + "|Exit status|errno \\d|code ELIFECYCLE)|^ERROR: script returned exit code|^Error: Process completed with exit code"
          + "|^make(?:\\[\\d+\\])?: \\*\\*\\* \\[.*\\] Error \\d|^error Command failed with exit code|^info Visit https"
          + "|^Error: The process '.*' failed with exit code|^##\\[error\\]The process '.*' failed with exit code"
          + "|^\\s*at |^\\s*\\.\\.\\. \\d+ more|^FAILURE: Build failed with an exception\\.|^BUILD FAILED|^\\[ERROR\\] BUILD FAILURE"
          + "|^Error: Command failed|^\\*\\s*What went wrong:|^\\* Try:|^> Run with --|^\\s*$");

  private Heuristics() {}

  /** Scores a cleaned line: 0 means not a candidate; higher is more likely the cause. */
  static int score(String text) {
    String t = text.strip();
    if (t.isEmpty() || t.length() > 2000) {
      return 0;
    }
    BoundedText bt = new BoundedText(t, BoundedText.DEFAULT_BUDGET);
    try {
      if (WRAPPER.matcher(bt).find()) {
        return 1;
      }
      bt.reset(BoundedText.DEFAULT_BUDGET);
      int s = 0;
      if (STRONG.matcher(bt).find()) {
        s += 40;
      }
      bt.reset(BoundedText.DEFAULT_BUDGET);
      if (MEDIUM.matcher(bt).find()) {
        s += 20;
      }
      bt.reset(BoundedText.DEFAULT_BUDGET);
      if (s == 0 && WEAK.matcher(bt).find()) {
        s += 8;
      }
      if (s == 0) {
        return 0;
      }
      bt.reset(BoundedText.DEFAULT_BUDGET);
      if (NOISE.matcher(bt).find()) {
        s -= 30;
      }
      if (t.startsWith("##[error]")) {
        s += 15;
      } else if (t.startsWith("##[warning]")) {
        s -= 20;
      }
      return Math.max(s, 1);
    } catch (BoundedText.BudgetExceeded e) {
      return 1;
    }
  }

  /** Says whether a line following an error continues it (stack frame, indented detail, caret). */
  static boolean continues(String text) {
    if (text.isBlank()) {
      return false;
    }
    char c = text.charAt(0);
    return c == ' ' || c == '\t' || c == '|' || c == '^' || c == '~' || text.startsWith("Caused by")
        || text.startsWith("E ") || text.startsWith("> ") || text.startsWith("--> ");
  }
}
