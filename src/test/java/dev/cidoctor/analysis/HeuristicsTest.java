package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeuristicsTest {
  @Test
  void quick_jvmOptionsNoticeTaggedAsError_isNoError() {
    assertThat(Heuristics.quick("[ERROR] Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding=UTF8")).isZero();
    assertThat(Heuristics.quick("Picked up _JAVA_OPTIONS: -Xmx2g")).isZero();
  }

  @Test
  void quick_mavenBuildFailureBannerAndReactorRow_areWrappers() {
    assertThat(Heuristics.quick("[INFO] BUILD FAILURE")).isEqualTo(1);
    assertThat(Heuristics.quick("[INFO] Jimfs .............................................. FAILURE [  4.056 s]")).isEqualTo(1);
    assertThat(Heuristics.quick("[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.8.1:compile"))
        .isGreaterThan(1);
  }

  /** Noise words are whole words: "AssertionError" holds "onError" but is no JavaScript onerror handler. */
  @Test
  void refine_exceptionNamesEndingInIon_areNotNoise() {
    String assertion = "AssertionError: wanted viewColumn:1 but got viewColumn:2";
    assertThat(Heuristics.refine(assertion, Heuristics.quick(assertion))).isGreaterThanOrEqualTo(90);
    String connection = "ConnectionError: HTTPSConnectionPool(host='pypi.org', port=443): Max retries exceeded";
    assertThat(Heuristics.refine(connection, Heuristics.quick(connection))).isGreaterThanOrEqualTo(90);
    String handler = "Error: window.onerror = reportToServer";
    assertThat(Heuristics.refine(handler, Heuristics.quick(handler))).isLessThan(Heuristics.refine(assertion, Heuristics.quick(assertion)));
  }

  /** A build's progress line that names a crate or module with "error" or "Exception" in it is no error. */
  @Test
  void refine_compilingProgressLines_areNoise() {
    String cargo = "   Compiling thiserror v1.0.50";
    String ghc = "haskeline                        > [ 6 of 25] Compiling System.Console.Haskeline.MonadException";
    String failed = "Compiling src/parser.c failed: parser.c:12: error: expected ';'";
    assertThat(Heuristics.refine(cargo, Heuristics.quick(cargo))).isLessThan(Heuristics.PLAIN);
    assertThat(Heuristics.refine(ghc, Heuristics.quick(ghc))).isLessThan(Heuristics.PLAIN);
    assertThat(Heuristics.refine(failed, Heuristics.quick(failed))).isGreaterThan(Heuristics.PLAIN);
  }

  /** "-Werror" on a compiler's command line is noise; in the bracketed flag a diagnostic names, it is not. */
  @Test
  void refine_werrorInADiagnosticsBrackets_isNoNoise() {
    String gcc = "src/parse.c:12:7: error: unused variable 'n' [-Werror=unused-variable]";
    String ghc = "src/Types.hs:40:1: error: [-Wunused-imports, -Werror=unused-imports]";
    String command = "gcc -Wall -Werror -O2 -c src/parse.c -o build/parse.o";
    assertThat(Heuristics.refine(gcc, Heuristics.quick(gcc))).isGreaterThanOrEqualTo(65);
    assertThat(Heuristics.refine(ghc, Heuristics.quick(ghc))).isGreaterThanOrEqualTo(65);
    assertThat(Heuristics.refine(command, Heuristics.quick(command))).isLessThan(Heuristics.PLAIN);
  }
}
