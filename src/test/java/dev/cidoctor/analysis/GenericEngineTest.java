package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.model.Diagnosis;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generic engine alone (no rules): which line it names for logs no rule knows. */
class GenericEngineTest {
  private static final Analyzer GENERIC = new Analyzer(RuleLoader.loadOnly(List.of()));

  private static Diagnosis analyze(String... lines) throws IOException {
    return LogLines.analyze(GENERIC, lines);
  }

  /** A test harness's tally says tests failed; the line with the error message says why. */
  @Test
  void analyze_errorMessageBeforeTheFailureTally_isTheCause() throws IOException {
    Diagnosis d = analyze(
        "$ make test",
        "t/basic.t ........ ok",
        "t/https.t ........ Connection error: Connect timeout at t/https.t line 17.",
        "# Looks like your test exited with 11 before it could output anything.",
        "t/https.t ........ Dubious, test returned 11 (wstat 2816, 0xb00)",
        "Failed 1/1 subtests",
        "Test Summary Report",
        "Result: FAIL",
        "Failed 1/2 test programs. 0/1 subtests failed.",
        "The command \"make test\" exited with 2.");
    assertThat(d.primary().line()).isEqualTo(3);
  }

  /** With nothing better, the tally is still named rather than the tail of the log. */
  @Test
  void analyze_onlyATally_namesIt() throws IOException {
    Diagnosis d = analyze(
        "$ python -m unittest",
        "..",
        "----------------------------------------------------------------------",
        "Ran 3 tests in 0.012s",
        "",
        "FAILED (failures=1)",
        "The command \"python -m unittest\" exited with 1.");
    assertThat(d.primary().line()).isEqualTo(6);
  }

  /** Exception names that end in "ionError" are errors, not a JavaScript onerror handler. */
  @Test
  void analyze_assertionErrorAmongPassingChecks_isTheCause() throws IOException {
    Diagnosis d = analyze(
        "$ ./scripts/test-integration.sh",
        "    ✓ issue #6281: Edits fail to validate ranges correctly before applying (103ms)",
        "  1) window namespace tests default column when opening a file:",
        "      AssertionError: wanted viewColumn:1 but got viewColumn:2",
        "      at Object.<anonymous> (src/window.test.ts:137:10)",
        "The command \"./scripts/test-integration.sh\" exited with 1.");
    assertThat(d.primary().line()).isEqualTo(4);
  }

  /** eslint's and stylelint's default format puts "line:col  error  message" under the file: that line, not the tally. */
  @Test
  void analyze_linterLineColumnError_beatsTheProblemTally() throws IOException {
    Diagnosis d = analyze(
        "$ yarn lint",
        "/home/runner/work/app/app/src/controllers/users.js",
        "  3:8  error  'showModal' is defined but never used  no-unused-vars",
        "",
        "\u2716 1 problem (1 error, 0 warnings)",
        "The command \"yarn lint\" exited with 1.");
    assertThat(d.primary().line()).isEqualTo(3);
  }

  /** A header that only announces an error ("rake aborted!", "Error:") hands over to the line it announces. */
  @Test
  void analyze_bareErrorHeader_namesTheLineItAnnounces() throws IOException {
    Diagnosis rake = analyze(
        "$ rake",
        "rake aborted!",
        "No Rakefile found (looking for: rakefile, Rakefile, rakefile.rb, Rakefile.rb)",
        "/home/travis/.rvm/gems/ruby-2.4.1/bin/ruby_executable_hooks:15:in `eval'",
        "The command \"rake\" exited with 1.");
    assertThat(rake.primary().line()).isEqualTo(3);
    assertThat(rake.evidence()).extracting(dev.cidoctor.model.Evidence::line).contains(2L);

    Diagnosis withMessage = analyze(
        "$ ./deploy.sh",
        "Error: deployment token rejected by the server",
        "retrying is pointless",
        "The command \"./deploy.sh\" exited with 1.");
    assertThat(withMessage.primary().line()).isEqualTo(2);
  }

  /** A log cut off before any failure marker: the job stopped in its last step with errors, not at an early mention. */
  @Test
  void analyze_noFailureMarker_prefersTheLastStepWithErrors() throws IOException {
    Diagnosis d = analyze(
        "$ sudo apt-get install -y libfoo",
        "Allow some information gathering to give useful error messages",
        "Setting up libfoo (1.2-3) ...",
        "$ ./scripts/build",
        "Configuring..... done",
        "Building..... stopped",
        "unexpected logger message: {log,error,\"Error in process ~p with exit value\"}",
        "unexpected logger message: {log,error,\"Error in process ~p with exit value\"}");
    assertThat(d.primary().line()).isEqualTo(7);
  }

  /** Maven's "[ERROR] COMPILATION ERROR :" header: the first line under it with text, past the separator. */
  @Test
  void analyze_taggedHeaderAndSeparator_namesTheFirstLineWithText() throws IOException {
    Diagnosis d = analyze(
        "$ mvn -B compile",
        "[INFO] -------------------------------------------------------------",
        "[ERROR] COMPILATION ERROR : ",
        "[INFO] -------------------------------------------------------------",
        "[ERROR] /src/com/example/Map.java:[155,27] error: incompatible types: Entry[] cannot be converted to Entry",
        "[ERROR] ",
        "The command \"mvn -B compile\" exited with 1.");
    assertThat(d.primary().line()).isEqualTo(5);
  }

  /** minitest's and test-unit's numbered "1) Failure:" header names the test on its next line; it beats a later summary. */
  @Test
  void analyze_numberedFailureHeader_namesTheTestUnderIt() throws IOException {
    Diagnosis d = analyze(
        "$ ci/travis.rb",
        "  1) Failure:",
        "MemCacheStoreTest#test_two_classes_autoloading [test/caching_test.rb:665]:",
        "Expected: 1 Actual: 2",
        "1200 runs, 3400 assertions, 1 failures, 0 errors, 0 skips",
        "Failed components: activesupport",
        "The command \"ci/travis.rb\" exited with 1.");
    assertThat(d.primary().line()).isEqualTo(3);
  }

  /** A step that printed no error word: its last paragraph, not the script GitHub echoed above it. */
  @Test
  void analyze_quietFailure_namesTheStepsOutput_notItsEchoedScript() throws IOException {
    Diagnosis d = analyze(
        "##[group]Run ./scripts/check-stack.sh",
        "./scripts/check-stack.sh",
        "shell: /usr/bin/bash -e {0}",
        "##[endgroup]",
        "Checking the stack of pull request 190825",
        "PR #190825 sits on top of 12 stacked pull requests; refusing to run CI.",
        "##[error]Process completed with exit code 1.");
    assertThat(d.primary().line()).isEqualTo(5);
    assertThat(d.evidence()).extracting(e -> e.line()).containsExactly(5L, 6L);
  }

  /** A step that printed nothing at all: its echoed script is what it did ("exit 1"). */
  @Test
  void analyze_silentFailure_namesTheEchoedScript() throws IOException {
    Diagnosis d = analyze(
        "##[group]Run if [[ \"failure\" == \"success\" ]]; then",
        "if [[ \"failure\" == \"success\" ]]; then",
        "  echo \"OK\"",
        "else",
        "  exit 1",
        "fi",
        "shell: /usr/bin/bash -e {0}",
        "##[endgroup]",
        "##[error]Process completed with exit code 1.");
    assertThat(d.primary().line()).isBetween(2L, 7L);
    assertThat(d.evidence()).extracting(e -> e.text()).contains("  exit 1");
  }

  /** A tool that logs its progress at INFO, then says why it stops: the line after its last INFO line. */
  @Test
  void analyze_quietFailureAfterInformationalLines_namesTheLineAfterThem() throws IOException {
    Diagnosis d = analyze(
        "$ python tools/filter_test_configs.py --pr 190825",
        "Workflow: docs-build",
        "INFO:root:Found no test-config label on the PR, so all test configs are included",
        "PR #190825 sits on top of >=10 ghstack entries; refusing to run CI.",
        "The command \"python tools/filter_test_configs.py --pr 190825\" exited with 1.");
    assertThat(d.primary().line()).isEqualTo(4);
    assertThat(d.evidence()).extracting(e -> e.line()).contains(2L, 3L, 4L);
  }
}
