package dev.cidoctor.analysis;

import dev.cidoctor.model.Category;
import java.util.regex.Pattern;

/** Guesses the category of a failure no rule explains, from its root-cause line and step name. */
final class FallbackCategory {
  private static final Pattern TEST = Pattern.compile(
      "(?i)\\btests?\\b|\\bspecs?\\b|_spec\\b|\\.spec\\.|pytest|junit|jest|mocha|\\bassert|\\bexpected\\b");
  private static final Pattern COMPILE = Pattern.compile("(?i)compil|syntax error|^\\s*FAILED: .*\\.(?:o|obj)\\b|\\.(?:c|cc|cpp|h|java|kt|rs|go|ts|cs|swift|scala):\\d+|cannot find symbol|undefined reference");
  private static final Pattern DEPENDENCY = Pattern.compile(
      "(?i)npm ERR|\\byarn (?:install|add)\\b|\\bpip\\d*(?:\\.\\d+)? install\\b|could not resolve|dependenc|package|module not found"
          + "|no matching distribution|\\bbundle install\\b|\\bbundler\\b|\\bgem install\\b|nuget|composer");
  private static final Pattern NETWORK = Pattern.compile("(?i)\\b(?:ECONNRESET|ETIMEDOUT|ENOTFOUND)\\b|connection reset|temporary failure in name resolution|could not resolve host|TLS handshake|\\b50[234]\\b");
  private static final Pattern TIMEOUT = Pattern.compile("(?i)timed out|timeout|exceeded the maximum execution time");
  private static final Pattern RESOURCES = Pattern.compile("(?i)out of memory|OutOfMemoryError|no space left|Killed\\b|exit code 137");
  /** A test framework's assertion report: it is a failed test whatever words (a status code, "timeout") it quotes. */
  private static final Pattern ASSERTION = Pattern.compile(
      "^\\s*E {2,}\\S|\\bAssertionError\\b|\\bAssertionFailedError\\b|\\bComparisonFailure\\b|\\bexpected:?\\s*<.*>\\s*but was\\b"
          + "|\\b[Ee]xpected\\b.{0,80}\\bto (?:equal|be|have|contain|match|receive)\\b");
  private static final Pattern TYPES = Pattern.compile("(?i)\\bmypy\\b|\\bpyright\\b|\\berror TS\\d{4}\\b|\\btype[- ]?check");
  private static final Pattern CANCELLED = Pattern.compile(
      "(?i)\\boperation was cancell?ed\\b|\\bhas received a shutdown signal\\b|\\breceived SIG(?:INT|TERM)\\b|\\b(?:job|run|workflow) (?:was )?cancell?ed\\b");
  /** Refused access: a credential, a token's permissions, a protected resource. */
  private static final Pattern ACCESS = Pattern.compile(
      "(?i)\\b(?:returned error|status|HTTP)[: ]+(?:401|403)\\b|\\b(?:401|403) (?:Unauthorized|Forbidden)\\b|not accessible by integration|\\bpermission[ _]denied\\b|bad credentials");
  private static final Pattern LINT = Pattern.compile("(?i)lint|checkstyle|rubocop|flake8|eslint|prettier|gofmt|rustfmt|style");

  private FallbackCategory() {}

  /**
   * The category of a failure no rule explains, from its root-cause line and step name; {@code
   * testsFailed} says whether the log named failed tests elsewhere, which makes a failure the words
   * do not place a test failure.
   */
  static Category infer(String line, String step, boolean testsFailed) {
    String s = line + " " + (step == null ? "" : step);
    if (RESOURCES.matcher(line).find()) {
      return Category.OUT_OF_RESOURCES;
    }
    if (ASSERTION.matcher(line).find()) {
      return Category.TEST_FAILURE;
    }
    if (CANCELLED.matcher(line).find()) {
      return Category.CANCELLED;
    }
    if (TIMEOUT.matcher(line).find()) {
      return Category.TIMEOUT;
    }
    if (ACCESS.matcher(line).find()) {
      return Category.CONFIGURATION_ERROR;
    }
    if (NETWORK.matcher(line).find()) {
      return Category.NETWORK_ERROR;
    }
    if (TYPES.matcher(s).find()) {
      return Category.TYPE_ERROR;
    }
    if (COMPILE.matcher(line).find()) {
      return Category.COMPILATION_ERROR;
    }
    if (LINT.matcher(s).find()) {
      return Category.LINT_ERROR;
    }
    if (TEST.matcher(s).find()) {
      return Category.TEST_FAILURE;
    }
    if (DEPENDENCY.matcher(s).find()) {
      return Category.DEPENDENCY_ERROR;
    }
    return testsFailed ? Category.TEST_FAILURE : Category.UNKNOWN;
  }

  static String suggestion(Category category, String step) {
    String where = step == null ? "the failing command" : "`" + Diagnoser.shorten(step, 80) + "`";
    return switch (category) {
      case TEST_FAILURE -> "Run " + where + " locally, read the failing assertion in the evidence and fix the code or the test.";
      case COMPILATION_ERROR -> "Fix the first compiler error shown in the evidence; later errors often follow from it.";
      case DEPENDENCY_ERROR -> "Check the dependency named in the evidence: its name, its version constraint and the registry it comes from.";
      case NETWORK_ERROR -> "A network call failed; rerun the job, and add retries or a cache if it recurs.";
      case TIMEOUT -> "Find what hung in the evidence, then raise `timeout-minutes` only if the work is legitimately slow.";
      case OUT_OF_RESOURCES -> "The runner ran out of memory or disk; reduce parallelism, free space, or use a larger runner.";
      case LINT_ERROR -> "Run the linter or formatter locally and commit its fixes.";
      default -> "Read the evidence lines from the first one, reproduce " + where + " locally, and fix what it reports.";
    };
  }
}
