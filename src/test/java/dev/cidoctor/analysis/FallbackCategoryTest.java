package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.model.Category;
import org.junit.jupiter.api.Test;

/** The category the generic engine gives a line no rule explains. */
class FallbackCategoryTest {
  /** An assertion report is a failed test even when it quotes a status code or a network word. */
  @Test
  void infer_assertionQuotingANetworkStatus_isATestFailure() {
    assertThat(FallbackCategory.infer("E   AssertionError: http://svc/status/503: expected status code 200", "Run tox", false))
        .isEqualTo(Category.TEST_FAILURE);
    assertThat(FallbackCategory.infer("E   TypeError: unsupported operand type(s) for /: 'str' and 'str'", "Run tox", false))
        .isEqualTo(Category.TEST_FAILURE);
    assertThat(FallbackCategory.infer("curl: (56) Recv failure: 503 Service Unavailable", "Run ./fetch.sh", false))
        .isEqualTo(Category.NETWORK_ERROR);
  }

  /** A line the words do not place is a test failure when the log named failed tests, else unknown. */
  @Test
  void infer_unplacedLine_isATestFailureOnlyWhenTestsFailed() {
    String line = "    java.lang.IllegalStateException: a";
    assertThat(FallbackCategory.infer(line, "Build with Gradle", true)).isEqualTo(Category.TEST_FAILURE);
    assertThat(FallbackCategory.infer(line, "Build with Gradle", false)).isEqualTo(Category.UNKNOWN);
    assertThat(FallbackCategory.infer("src/parser.c:12: syntax error before ';'", "make", true)).isEqualTo(Category.COMPILATION_ERROR);
  }

  /** Type checkers, cancellations, refused credentials and a ninja object that failed have categories of their own. */
  @Test
  void infer_typesCancellationAccessAndObjectFiles() {
    assertThat(FallbackCategory.infer("error: not checking stubs due to mypy build errors:", "Run mypy", false))
        .isEqualTo(Category.TYPE_ERROR);
    assertThat(FallbackCategory.infer("##[error]The operation was canceled.", "Test", false))
        .isEqualTo(Category.CANCELLED);
    assertThat(FallbackCategory.infer("fatal: unable to access 'https://github.com/o/r/': The requested URL returned error: 403", "Push", false))
        .isEqualTo(Category.CONFIGURATION_ERROR);
    assertThat(FallbackCategory.infer("ERROR: (gcloud.run.deploy) PERMISSION_DENIED: Permission 'run.services.get' denied", "Deploy", false))
        .isEqualTo(Category.CONFIGURATION_ERROR);
    assertThat(FallbackCategory.infer("  FAILED: [code=1] pandas/_libs/simd/moments_neon.cpp.o", "Build", false))
        .isEqualTo(Category.COMPILATION_ERROR);
    assertThat(FallbackCategory.infer("curl: (22) The requested URL returned error: 503", "Download", false))
        .isEqualTo(Category.NETWORK_ERROR);
  }

  /** "unexpected", "inspect" or "special" name no test: the test words count only as words. */
  @Test
  void infer_testWordsInsideOtherWords_placeNothing() {
    assertThat(FallbackCategory.infer("RuntimeError: Found an unexpected number of PRs mentioned in commit b3148", "set -ex", false))
        .isEqualTo(Category.UNKNOWN);
    assertThat(FallbackCategory.infer("ValueError: cannot inspect special object", "Run ./release.sh", false))
        .isEqualTo(Category.UNKNOWN);
    assertThat(FallbackCategory.infer("expected 3 arguments, got 2", "Run ./release.sh", false)).isEqualTo(Category.TEST_FAILURE);
    assertThat(FallbackCategory.infer("src/app.spec.ts failed", "Run ./release.sh", false)).isEqualTo(Category.TEST_FAILURE);
    // FileNotFoundError holds "ENOTFOUND"; "bundle exec" and "yarn build" install nothing
    assertThat(FallbackCategory.infer("FileNotFoundError: [Errno 2] No such file or directory: 'a.md'", "python x.py", false))
        .isEqualTo(Category.UNKNOWN);
    assertThat(FallbackCategory.infer("getaddrinfo ENOTFOUND registry.example.com", "npm ci", false)).isEqualTo(Category.NETWORK_ERROR);
    assertThat(FallbackCategory.infer("rake aborted!", "bundle exec rake db:setup", false)).isEqualTo(Category.UNKNOWN);
    assertThat(FallbackCategory.infer("exit status 1", "yarn build", false)).isEqualTo(Category.UNKNOWN);
    assertThat(FallbackCategory.infer("An error occurred while installing pg (1.5.4)", "bundle install --jobs 4", false))
        .isEqualTo(Category.DEPENDENCY_ERROR);
  }

  /**
   * A generic wrapper rule (category unknown) takes the category its primary line and step suggest:
   * yarn's "Command failed" after prettier listed a file is a lint failure.
   */
  @Test
  void analyze_wrapperRuleWithUnknownCategory_takesTheCategoryOfWhatFailed() throws java.io.IOException {
    Analyzer analyzer = new Analyzer(RuleLoader.load(java.util.List.of()));
    dev.cidoctor.model.Diagnosis d = LogLines.analyze(analyzer,
        "##[group]Run yarn prettier-check",
        "yarn prettier-check",
        "##[endgroup]",
        "$ node ./scripts/prettier/index.js",
        "This project uses prettier to format all JavaScript code.",
        "    Please run yarn prettier-all and add changes to files listed below to your commit:",
        "packages/react-dom/src/client/ReactDOMRoot.js",
        "error Command failed with exit code 1.",
        "##[error]Process completed with exit code 1.");
    assertThat(d.ruleId()).isEqualTo("js.npm.lifecycle-failed");
    assertThat(d.category()).isEqualTo(Category.LINT_ERROR);
  }
}
