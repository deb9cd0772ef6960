package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.model.Diagnosis;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failed-test names from runner output forms the rule fixtures do not cover. */
class FailedTestsTest {
  private static final Analyzer ANALYZER = new Analyzer(RuleLoader.load(List.of()));

  private static Diagnosis analyze(String... lines) throws java.io.IOException {
    byte[] log = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    return ANALYZER.analyze("ci.log", null, null, new ByteArrayInputStream(log));
  }

  @Test
  void pytestShortSummary_moduleErrorsWithoutTraceback_areNamedByModulePath() throws java.io.IOException {
    Diagnosis d = analyze(
        "##[group]Run pytest --tb=no -q",
        "pytest --tb=no -q",
        "##[endgroup]",
        "collected 48 items / 2 errors",
        "=========================== short test summary info ============================",
        "ERROR kubernetes/e2e_test/test_apps.py - kubernetes.config.config_exception.ConfigException: Invalid kube-config file.",
        "ERROR kubernetes/e2e_test/test_batch.py",
        "!!!!!!!!!!!!!!!!!!!! Interrupted: 2 errors during collection !!!!!!!!!!!!!!!!!!!!",
        "##[error]Process completed with exit code 2.");

    assertThat(d.ruleId()).isEqualTo("python.pytest.collection-error");
    assertThat(d.failedTests()).containsExactly("kubernetes/e2e_test/test_apps", "kubernetes/e2e_test/test_batch");
  }

  @Test
  void pytestVerboseWithoutXdist_progressLineNamesTheTest_onceWithItsModuleForm() throws java.io.IOException {
    Diagnosis d = analyze(
        "##[group]Run pytest -v",
        "pytest -v",
        "##[endgroup]",
        "tests/test_io.py::test_read PASSED                                        [ 50%]",
        "tests/test_io.py::TestWrite::test_write[utf8] FAILED                      [100%]",
        "=================== FAILURES ===================",
        "________________ TestWrite.test_write[utf8] ________________",
        "E       AssertionError: assert 'a' == 'b'",
        "=========================== short test summary info ============================",
        "FAILED tests/test_io.py::TestWrite::test_write[utf8] - AssertionError: assert 'a' == 'b'",
        "##[error]Process completed with exit code 1.");

    assertThat(d.failedTests()).containsExactly("tests/test_io.py::TestWrite::test_write[utf8]",
        "tests.test_io::TestWrite::test_write[utf8]");
  }
}
