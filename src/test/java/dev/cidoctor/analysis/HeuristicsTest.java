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
}
