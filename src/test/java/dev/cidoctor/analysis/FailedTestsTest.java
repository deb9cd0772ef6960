package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailedTestsTest {
  @Test
  void add_sameTestNamedTwoWays_keepsTheFullerNameOnce() {
    FailedTests tests = new FailedTests();
    tests.add("TestCubic.test_apply");
    tests.add("tests/test_x.py::TestCubic::test_apply");
    tests.add("test_apply");
    tests.add("tests/test_x.py::TestCubic::test_apply[case1]");
    tests.add("apply");
    assertThat(tests.names()).containsExactly("tests/test_x.py::TestCubic::test_apply",
        "tests/test_x.py::TestCubic::test_apply[case1]");
  }

  @Test
  void addAlias_isListedAfterEveryRunnerPrintedName_once() {
    FailedTests tests = new FailedTests();
    tests.add("tests/bench.py::test_a");
    tests.addAlias("tests.bench::test_a");
    tests.add("tests/bench.py::test_b");
    tests.addAlias("tests.bench::test_b");
    tests.addAlias("tests.bench::test_a");
    assertThat(tests.names()).containsExactly("tests/bench.py::test_a", "tests/bench.py::test_b",
        "tests.bench::test_a", "tests.bench::test_b");
  }

  /** Chunks of a large log are scanned apart: the second chunk's names still come before the first's aliases. */
  @Test
  void addAll_ofALaterChunk_keepsEveryNameBeforeEveryAlias() {
    FailedTests first = new FailedTests();
    first.add("tests/a.py::test_a");
    first.addAlias("tests.a::test_a");
    FailedTests second = new FailedTests();
    second.add("tests/b.py::test_b");
    second.addAlias("tests.b::test_b");
    first.addAll(second);
    first.add("tests/c.py::test_c"); // found later, by a rule's multi-line check
    assertThat(first.names()).containsExactly("tests/a.py::test_a", "tests/b.py::test_b", "tests/c.py::test_c",
        "tests.a::test_a", "tests.b::test_b");
  }

  @Test
  void add_differentTestsSharingALastWord_areBothKept() {
    FailedTests tests = new FailedTests();
    tests.add("com.a.FooTest.testParse");
    tests.add("com.a.BarTest.testParse");
    assertThat(tests.names()).containsExactly("com.a.FooTest.testParse", "com.a.BarTest.testParse");
  }

  /**
   * A rule that names its test only with a second line ({@code requires}) records the test's alias too,
   * as a rule that names it at once does: both go through FailedTests.addFrom.
   */
  @Test
  void analyze_requiresRuleWithModuleAlias_recordsBothNames(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path rules = dir.resolve("rules.yaml");
    java.nio.file.Files.writeString(rules, """
        rules:
          - id: demo.flaky-verdict
            description: A flaky-test plugin's verdict, named on the line after its header.
            category: test_failure
            severity: medium
            transient: false
            priority: 70
            pattern: '^FLAKY VERDICT: failed$'
            requires: {after: '^  test: (?<test>\\S+::\\S+)$', within: 1}
            tests: true
            testAlias: module
            summary: 'Flaky verdict for {test}'
            suggestion: 'Rerun {test} locally.'
        """);
    Analyzer analyzer = new Analyzer(RuleLoader.loadOnly(java.util.List.of(rules)));
    dev.cidoctor.model.Diagnosis d = LogLines.analyze(analyzer,
        "$ pytest", "FLAKY VERDICT: failed", "  test: tests/test_api.py::test_create", "The command \"pytest\" exited with 1.");
    assertThat(d.ruleId()).isEqualTo("demo.flaky-verdict");
    assertThat(d.failedTests()).containsExactly("tests/test_api.py::test_create", "tests.test_api::test_create");
  }
}
