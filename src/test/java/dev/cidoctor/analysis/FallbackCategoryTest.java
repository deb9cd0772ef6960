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
    assertThat(FallbackCategory.infer("  FAILED: [code=1] pandas/_libs/simd/moments_neon.cpp.o", "Build", false))
        .isEqualTo(Category.COMPILATION_ERROR);
    assertThat(FallbackCategory.infer("curl: (22) The requested URL returned error: 503", "Download", false))
        .isEqualTo(Category.NETWORK_ERROR);
  }
}
