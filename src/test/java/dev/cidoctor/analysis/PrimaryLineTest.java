package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which line of a failed log is named the root cause. */
class PrimaryLineTest {
  private static final Analyzer ANALYZER = new Analyzer(RuleLoader.load(List.of()));

  private static Diagnosis analyze(String... lines) throws IOException {
    return LogLines.analyze(ANALYZER, lines);
  }

  @Test
  void text_travisMacNlPrefix_isDroppedButABareNlLineStays() {
    byte[] b = "nl  1) suite test:".getBytes(StandardCharsets.UTF_8);
    assertThat(RuleText.of(b, 0, b.length)).isEqualTo("  1) suite test:");
    byte[] bare = "nl".getBytes(StandardCharsets.UTF_8);
    assertThat(RuleText.of(bare, 0, bare.length)).isEqualTo("nl");
    byte[] word = "nlohmann json".getBytes(StandardCharsets.UTF_8);
    assertThat(RuleText.of(word, 0, word.length)).isEqualTo("nlohmann json");
    // xcpretty's red cross right after the nl: the prefilter starts after the nl, and so must the text
    byte[] coloured = "nl\u001b[31m❌  \u001b[0m/src/A.swift:47:19: \u001b[31m'value' is inaccessible\u001b[0m"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(RuleText.of(coloured, 0, coloured.length)).isEqualTo("❌  /src/A.swift:47:19: 'value' is inaccessible");
    assertThat(RuleText.start(coloured, 0, coloured.length)).isEqualTo(2);
    byte[] stamped = "2024-01-02T03:04:05.1234567Z nl\u001b[31mx".getBytes(StandardCharsets.UTF_8);
    assertThat(RuleText.of(stamped, 0, stamped.length)).isEqualTo("x");
  }

  /** Travis' macOS workers print "nl" before output lines; the Mocha header must still win over "1 failing". */
  @Test
  void analyze_mochaHeaderBehindTravisMacNl_beatsTheFailingCount() throws IOException {
    Diagnosis d = analyze(
        "$ ./scripts/test-integration.sh",
        "    ✓ applyEdit",
        "  82 passing (16s)",
        "",
        "  1 failing",
        "nl",
        "nl  1) window namespace tests default column when opening a file:",
        "nl",
        "nl      AssertionError: wanted viewColumn:1 but got viewColumn:2",
        "      at Object.<anonymous> (src/window.test.ts:137:10)",
        "",
        "",
        "The command \"./scripts/test-integration.sh\" exited with 1.");

    assertThat(d.primary().line()).isEqualTo(7);
    assertThat(d.evidence()).extracting(Evidence::line).contains(9L);
  }

  /**
   * pytest's KeyboardInterrupt banner is the tool's own report of where the run stopped; the timeout
   * wrapper's 124 line only says time ran out, so the banner leads and the 124 line stays in the evidence.
   */
  @Test
  void analyze_pytestInterruptedByTimeoutWrapper_namesTheBannerAndKeepsThe124Line() throws IOException {
    Diagnosis d = analyze(
        "$ python test/run_test.py -i test_ops",
        "test_ops.py::TestFakeTensorCUDA::test_fake_crossref_acos_cuda_float32 PASSED [0.0770s] [ 89%]",
        "test_ops.py::TestFakeTensorCUDA::test_fake_crossref_linalg_solve_triangular_cuda_float32 ",
        "",
        "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!! KeyboardInterrupt !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
        "/opt/conda/lib/python3.10/site-packages/torch/_library/simple_registry.py:142: KeyboardInterrupt",
        "(to show a full traceback on KeyboardInterrupt use --full-trace)",
        "========== 1182 passed, 1523 skipped in 497.69s (0:08:17) ==========",
        "Command took >30min, returning 124",
        "Got exit code 124",
        "",
        "The command \"python test/run_test.py -i test_ops\" exited with 1.");

    assertThat(d.ruleId()).isEqualTo("python.pytest.keyboard-interrupt");
    assertThat(d.primary().line()).isEqualTo(5);
    assertThat(d.category().wireName()).isEqualTo("timeout");
    assertThat(d.evidence()).extracting(Evidence::line).contains(3L, 6L, 9L);
  }

  /**
   * Version scripts run {@code git describe} in a tarball and go on after git's complaint; a later line
   * of the step that says more is the cause.
   */
  @Test
  void analyze_gitOutsideARepositoryAsNoise_losesToTheStepsOwnError() throws IOException {
    Diagnosis d = analyze(
        "$ python setup.py build_ext --inplace",
        "fatal: not a git repository (or any of the parent directories): .git",
        "running build_ext",
        "building 'geo._speedups' extension",
        "src/speedups.c:41:5: error: implicit declaration of function 'PyUnicode_AS_UNICODE'",
        "error: command '/usr/bin/gcc' failed with exit code 1",
        "The command \"python setup.py build_ext --inplace\" exited with 1.");

    assertThat(d.primary().line()).isEqualTo(5);
  }

  /**
   * A warning about an optional variable is not the failure, even printed after the error (the rule
   * takes its last hit); the error naming the required one is.
   */
  @Test
  void analyze_missingEnvVarErrorThenWarning_namesTheRequiredVariable() throws IOException {
    Diagnosis d = analyze(
        "$ node scripts/seed.js",
        "Error: Missing required environment variable: STRIPE_SECRET_KEY",
        "    at Object.<anonymous> (/app/scripts/seed.js:4:9)",
        "Warning: missing environment variable SENTRY_DSN, error reporting is off",
        "The command \"node scripts/seed.js\" exited with 1.");

    assertThat(d.ruleId()).isEqualTo("config.env-var-missing");
    assertThat(d.primary().line()).isEqualTo(2);
    assertThat(d.summary()).contains("STRIPE_SECRET_KEY");
  }

  /**
   * The coverage verdicts real tools print: nyc and Vitest align the metric names, Vitest writes
   * "Coverage threshold" capitalised, and Maven's JaCoCo check puts the ratio on the line after
   * "Rule violated for package x:".
   */
  @Test
  void analyze_coverageVerdictsOfNycVitestAndMavenJacoco_areNamedAsCoverageThresholds() throws IOException {
    assertCoverageVerdict("62.73% is below the required 80%",
        "All files          |   61.26 |    54.41 |    58.45 |   62.73 |",
        "ERROR: Coverage for lines      (62.73%) does not meet global threshold (80%)");
    assertCoverageVerdict("75.02% is below the required 80%",
        " Test Files  12 passed (12)",
        "ERROR: Coverage threshold for lines (80%) not met: 75.02%");
    assertCoverageVerdict("0.65 is below the required 0.80",
        "[WARNING] Rule violated for package com.acme.shop.service:",
        "        lines covered ratio is 0.65, but expected minimum is 0.80",
        "[INFO] BUILD FAILURE");
  }

  private static void assertCoverageVerdict(String summary, String... output) throws IOException {
    String[] lines = new String[output.length + 2];
    lines[0] = "$ ./ci/test.sh";
    System.arraycopy(output, 0, lines, 1, output.length);
    lines[lines.length - 1] = "The command \"./ci/test.sh\" exited with 1.";
    Diagnosis d = analyze(lines);
    assertThat(d.ruleId()).as(output[output.length - 1]).isEqualTo("coverage.threshold-not-met");
    assertThat(d.summary()).contains(summary);
  }

  /** The SonarScanner's reason is the next line with text, under a clock or an exception name. */
  @Test
  void analyze_sonarScannerErrorWithClockAndExceptionLine_namesTheReason() throws IOException {
    Diagnosis d = analyze(
        "$ sonar-scanner",
        "06:18:45.633 INFO: ------------------------------------------------------------------------",
        "06:18:45.633 ERROR: Error during SonarScanner execution",
        "org.sonar.java.AnalysisException: Your project contains .java files, please provide compiled classes with sonar.java.binaries property",
        "06:18:45.634 ERROR: ",
        "The command \"sonar-scanner\" exited with 2.");

    assertThat(d.ruleId()).isEqualTo("sonar.scanner-error");
    assertThat(d.summary()).contains("Your project contains .java files");
  }

  /** make's wrapper only repeats that the command above it failed: the tool's last output line is the cause. */
  @Test
  void analyze_makeWrapperAfterToolOutput_namesTheOutputAboveIt() throws IOException {
    Diagnosis d = analyze(
        "$ make -C doc links",
        "make[3]: Entering directory `/build/lib/stdlib/doc/src'",
        "./check-links ../xml/a.xml ../xml/b.xml",
        "../xml/b.xml:85: link to marker type-af goes nowhere",
        "      <name><marker id=\"type-af\"/>af()</name>",
        "make[3]: *** [links] Error 4",
        "make[3]: Leaving directory `/build/lib/stdlib/doc/src'",
        "make[2]: *** [links] Error 2",
        "The command \"make -C doc links\" exited with 2.");

    // no rule knows check-links: the make wrapper points at the output above it
    assertThat(d.ruleId()).isEqualTo("native.make.error-wrapper");
    assertThat(d.primary().line()).isEqualTo(5);
    assertThat(d.evidence()).extracting(Evidence::line).contains(4L, 6L);
  }

  /** A diff printed for information loses to an error line of the same step; alone, it is the cause. */
  @Test
  void analyze_gitDiffBesideAnErrorLine_theErrorWins_aloneTheDiffIsTheCause() throws IOException {
    Diagnosis withError = analyze(
        "$ ./ci.sh",
        "diff --git a/docs/api.md b/docs/api.md",
        "-old line",
        "+new line",
        "Error: deployment token rejected by the server",
        "The command \"./ci.sh\" exited with 1.");
    assertThat(withError.primary().line()).isEqualTo(5);

    Diagnosis alone = analyze(
        "$ git diff --exit-code",
        "diff --git a/docs/api.md b/docs/api.md",
        "-old line",
        "+new line",
        "The command \"git diff --exit-code\" exited with 1.");
    assertThat(alone.ruleId()).isEqualTo("git.diff.uncommitted-changes");
    assertThat(alone.primary().line()).isEqualTo(2);
  }

  /** With nothing but a command line above it, the wrapper stays the primary line. */
  @Test
  void analyze_wrapperWithNoOutputAbove_staysPrimary() throws IOException {
    Diagnosis d = analyze(
        "$ make all",
        "make: *** [all] Error 1",
        "The command \"make all\" exited with 2.");

    assertThat(d.primary().line()).isEqualTo(2);
  }

  /** Under set -x, the last traced command before the output is the one that failed, not the first of the paragraph. */
  @Test
  void analyze_shellTraceWithoutErrorWords_namesTheLastTracedCommand() throws IOException {
    Diagnosis d = analyze(
        "$ ./.compile_binaries",
        "+./striptests",
        "+mkdir -p deploy",
        "+name=",
        "+DOCKER_BUILDS=' '",
        "+docker build -t :current .",
        "the tag \":current\" has no repository name",
        "See 'docker build --help'.",
        "The command \"./.compile_binaries\" exited with 125.");

    assertThat(d.primary().line()).isEqualTo(6);
    assertThat(d.evidence()).extracting(Evidence::line).contains(7L);
  }

  /** A Windows crash ("Access violation") is the cause, like a segfault, not an exception type named in compiled code. */
  @Test
  void analyze_windowsAccessViolation_beatsAnExceptionNameInEchoedCode() throws IOException {
    Diagnosis d = analyze(
        "$ stack build",
        "fsnotify            > 64 |     pathAndInfo path = handle (\\(_ :: IOException) -> return Nothing) $ do",
        "fsnotify            >    |                 ^^^^",
        "wai-extra           > Installing library in C:\\Users\\travis\\.stack\\snapshots\\lib",
        "Access violation in generated code when reading ffffffffffffffff",
        "The command \"stack build\" exited with 1.");

    assertThat(d.primary().line()).isEqualTo(5);
  }

  /**
   * A traced script ({@code set -x}) that stops on purpose says why in its first echo, a line with no
   * error word; an error printed by an earlier command that the script went past is not the cause.
   */
  @Test
  void analyze_tracedExitAfterEcho_namesTheFirstEchoedLine() throws IOException {
    Diagnosis d = analyze(
        "Failed to upload test reports: An error occurred (AccessDenied) when calling the PutObject operation",
        "Running test batch cost 6822.96 seconds",
        "+ assert_git_not_dirty",
        "++ git status --porcelain",
        "+ git_status='?? cmake/profiles/'",
        "+ [[ -n ?? cmake/profiles/ ]]",
        "+ echo 'Build left local git repository checkout dirty'",
        "Build left local git repository checkout dirty",
        "+ echo '?? cmake/profiles/'",
        "?? cmake/profiles/",
        "+ exit 1",
        "+ sccache_epilogue",
        "Compile requests  2043");

    assertThat(d.primary().line()).isEqualTo(8);
    assertThat(d.evidence()).extracting(Evidence::line).contains(10L, 11L);
    assertThat(d.trace().get(2).observation()).contains("'+ exit' at line 11");
  }

  /** When the command the script tested printed an error itself, the echo only wraps it: the error stays the cause. */
  @Test
  void analyze_tracedExitAfterFailingCommandOutput_keepsTheCommandsError() throws IOException {
    Diagnosis d = analyze(
        "+ make",
        "src/foo.c:3:5: error: unknown type name 'bar'",
        "+ echo 'Build failed'",
        "Build failed",
        "+ exit 1");

    assertThat(d.primary().line()).isEqualTo(2);
  }

  /**
   * An error printed in the middle of a test run that then reports no failure did not stop the build
   * (here a test helper's Bundler message): the failed test of a later run is the cause.
   */
  @Test
  void analyze_ruleLineInsideAPassingTestRun_yieldsToTheLaterFailedTest() throws IOException {
    Diagnosis d = analyze(
        "$ ci/travis.rb",
        "Run options: --seed 20272",
        "# Running:",
        "..............",
        "Bundler could not find compatible versions for gem \"activemodel\":",
        "  In Gemfile:",
        "    rails was resolved to 5.1.7, which depends on",
        "      activemodel (= 5.1.7)",
        "........",
        "Finished in 1.281357s, 42.1428 runs/s, 224.7618 assertions/s.",
        "54 runs, 288 assertions, 0 failures, 0 errors, 0 skips",
        "Run options: --seed 56165",
        "# Running:",
        "F",
        "",
        "Failure:",
        "ApplicationTests::DBConsoleTest#test_respect_environment_option [test/application/dbconsole_test.rb:65]:",
        "Expected \"\" to include \"sqlite>\".",
        "",
        "2 runs, 4 assertions, 1 failures, 0 errors, 0 skips",
        "The command \"ci/travis.rb\" exited with 1.");

    assertThat(d.primary().line()).isBetween(16L, 17L);
  }

  @Test
  void passingSummary_zeroFailuresAndErrors_only() {
    assertThat(Diagnoser.passingSummary("54 runs, 288 assertions, 0 failures, 0 errors, 0 skips")).isTrue();
    assertThat(Diagnoser.passingSummary("10 examples, 0 failures")).isTrue();
    assertThat(Diagnoser.passingSummary("Tests run: 5, Failures: 0, Errors: 0, Skipped: 0")).isTrue();
    assertThat(Diagnoser.passingSummary("2 runs, 4 assertions, 1 failures, 0 errors, 0 skips")).isFalse();
    assertThat(Diagnoser.passingSummary("Tests run: 5, Failures: 0, Errors: 1, Skipped: 0")).isFalse();
  }

  /** The generic "a test timed out" verdict needs the words apart: option names and echoed settings are not verdicts. */
  @Test
  void analyze_testTimeoutVerdict_ignoresOptionNamesAndLeavesFrameworkLinesToTheirRules() throws IOException {
    Diagnosis option = analyze(
        "$ ./run-it.sh --fail-on-test-timeout --test-timeout=600",
        "  fail-on-test-timeout: true",
        "Error: connection to the registry failed",
        "The command \"./run-it.sh --fail-on-test-timeout --test-timeout=600\" exited with 1.");
    assertThat(option.ruleId()).isNotEqualTo("test.timeout.harness-verdict");
    assertThat(option.primary().line()).isEqualTo(3);

    Diagnosis verdict = analyze(
        "$ ./run-it.sh",
        "[3/9] [orders-it:1/1] TEST FAILURE: Run tests timeout, please check logs: target/logs",
        "The command \"./run-it.sh\" exited with 1.");
    assertThat(verdict.ruleId()).isEqualTo("test.timeout.harness-verdict");
    assertThat(verdict.category().wireName()).isEqualTo("timeout");

    Diagnosis pytest = analyze(
        "$ pytest --timeout=5",
        "FAILED tests/test_feed.py::test_fetch - Failed: Timeout >5.0s",
        "The command \"pytest --timeout=5\" exited with 1.");
    assertThat(pytest.ruleId()).isEqualTo("python.pytest-timeout");
    assertThat(pytest.category().wireName()).isEqualTo("test_failure");
  }

  /** An excerpt with no error line and no failure marker still names the command that said it failed. */
  @Test
  void analyze_onlyAFailedCommandWrapper_namesTheCommandAboveIt() throws IOException {
    Diagnosis d = analyze(
        "##[group]Fetching the repository",
        "[command]/usr/bin/git -c protocol.version=2 fetch --depth=1 origin +refs/heads/N/A*:refs/remotes/origin/N/A*",
        "The process '/usr/bin/git' failed with exit code 1",
        "Waiting 15 seconds before trying again");
    assertThat(d.primary().line()).isEqualTo(2);
    assertThat(d.summary()).contains("git -c protocol.version=2 fetch");
    assertThat(d.evidence()).extracting(Evidence::line).contains(3L);

    Diagnosis quiet = analyze("Installing dependencies", "Done in 3.2s");
    assertThat(quiet.summary()).startsWith("No failure found");
  }

  /** A docker push without a login is the registry's access denial, like a pull of a private image. */
  @Test
  void analyze_dockerPushWithoutLogin_isARegistryAccessDenial() throws IOException {
    Diagnosis d = analyze(
        "$ docker push ghcr.io/example/app:1.2.0",
        "The push refers to repository [ghcr.io/example/app]",
        "5f70bf18a086: Preparing",
        "unauthorized: unauthenticated: User cannot be authenticated with the token provided. no basic auth credentials",
        "The command \"docker push ghcr.io/example/app:1.2.0\" exited with 1.");
    assertThat(d.ruleId()).isEqualTo("docker.pull-access-denied");
    assertThat(d.primary().line()).isEqualTo(4);
  }

  /** Old npm's "npm ERR! Test failed.  See above for more details." only repeats the failure above it. */
  @Test
  void analyze_oldNpmTestFailedWrapper_namesTheOutputAboveIt() throws IOException {
    Diagnosis d = analyze(
        "$ npm test",
        "> app@1.0.0 test /home/travis/build/o/app",
        "> node test/run.js",
        "Expected the parser to reject an empty document",
        "npm ERR! Test failed.  See above for more details.",
        "The command \"npm test\" exited with 1.");
    assertThat(d.ruleId()).isEqualTo("js.npm.test-failed");
    assertThat(d.category().wireName()).isEqualTo("test_failure");
    assertThat(d.primary().line()).isEqualTo(4);
  }

  /** debconf's complaint about Term/ReadLine.pm during apt-get in a container is no missing Perl module. */
  @Test
  void analyze_debconfReadLineNoise_isNoMissingModule() throws IOException {
    Diagnosis d = analyze(
        "$ docker build -t app .",
        "#5 20.49 debconf: (Can't locate Term/ReadLine.pm in @INC (you may need to install the Term::ReadLine module) (@INC contains: /etc/perl))",
        "#7 3.10 E   AssertionError: expected status code 200 but got 503",
        "The command \"docker build -t app .\" exited with 1.");
    assertThat(d.ruleId()).isNotEqualTo("perl.module-missing");
  }

  /** A certificate issued for another host name is untrusted TLS, in wget's, curl's and Node's words. */
  @Test
  void analyze_certificateForAnotherHostName_isUntrustedTls() throws IOException {
    for (String line : List.of("ERROR: no certificate subject alternative name matches",
        "curl: (60) SSL: no alternative certificate subject name matches target host name 'downloads.example.org'",
        "Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: registry.example.org. is not in the cert's altnames: DNS:*.example.com")) {
      Diagnosis d = analyze("$ ./scripts/fetch-models.sh", "Connecting to downloads.example.org|93.184.216.34|:443... connected.", line,
          "The command \"./scripts/fetch-models.sh\" exited with 1.");
      assertThat(d.ruleId()).as(line).isEqualTo("net.tls-certificate-untrusted");
      assertThat(d.primary().line()).as(line).isEqualTo(3);
    }
    Diagnosis warned = analyze("$ wget --no-check-certificate https://models.example.org/m.pkl", "WARNING: no certificate subject alternative name matches",
        "ERROR! m.pkl md5sum did not match.", "The command \"./get-models.sh\" exited with 1.");
    assertThat(warned.ruleId()).as("wget went on under --no-check-certificate").isNotEqualTo("net.tls-certificate-untrusted");
  }

  /** An assertion whose message is on the next E line (numpy's) has that message in the summary. */
  @Test
  void analyze_assertionMessageOnTheNextLine_isInTheSummary() throws IOException {
    Diagnosis d = analyze("$ python -m pytest tests/test_cell.py",
        ">           return func(*args, **kwds)",
        "E           AssertionError: ",
        "E           Arrays are not equal",
        "E           Mismatched elements: 2 / 9 (22.2%)",
        "The command \"python -m pytest tests/test_cell.py\" exited with 1.");
    assertThat(d.primary().line()).isEqualTo(3);
    assertThat(d.summary()).endsWith("AssertionError: Arrays are not equal");

    Diagnosis plain = analyze("$ python -m pytest tests/test_cell.py",
        "E       assert (1, 2) == (1, 3)",
        "E         At index 1 diff: 2 != 3",
        "The command \"python -m pytest tests/test_cell.py\" exited with 1.");
    assertThat(plain.summary()).as("a message of its own takes nothing from the next line").endsWith("assert (1, 2) == (1, 3)");
  }

  /** The continuation drops the tag both lines open with, and only that. */
  @Test
  void continuation_dropsTheSharedTag() {
    List<ContextLine> after = List.of(new ContextLine(4, ""), new ContextLine(5, "E           Arrays are not equal"));
    assertThat(Diagnoser.continuation("E           AssertionError: ", after)).isEqualTo("Arrays are not equal");
    assertThat(Diagnoser.continuation("Error:", List.of(new ContextLine(2, "  Error code 3")))).isEqualTo(" Error code 3");
    assertThat(Diagnoser.continuation("E   AssertionError: boom", after)).isEmpty();
  }

  /**
   * Without a failure marker the failing step is a guess, and every step competes; a transient network
   * error in an earlier step (Travis' worker failing to update a CLI it then does without) still ranks
   * below a rule that explains the guessed step's failure, and leads when it is in that step.
   */
  @Test
  void analyze_transientErrorOutsideTheGuessedStep_yieldsToTheStepsRule() throws IOException {
    String[] setup = {
        "travis_fold:start:system_info",
        "Build system information",
        "travis_fold:end:system_info",
        "curl: (6) Could not resolve host: cli-assets.heroku.com",
        "Failed to update Heroku CLI",
        "travis_fold:start:install",
        "$ pip install -r requirements.txt",
        "Successfully installed requests-2.22.0",
        "travis_fold:end:install"};
    Diagnosis d = analyze(concat(setup,
        "$ pytest tests",
        "tests/test_api.py::test_create PASSED",
        "tests/test_api.py::test_delete FAILED",
        "FAILED tests/test_api.py::test_delete - AssertionError: assert 200 == 204",
        "========================= 1 failed, 1 passed in 0.12s ========================="));
    assertThat(d.ruleId()).isEqualTo("python.assert.http-status");
    assertThat(d.primary().line()).isEqualTo(13L);

    Diagnosis inStep = analyze(concat(setup,
        "$ pip install --upgrade awscli",
        "curl: (6) Could not resolve host: pypi.org"));
    assertThat(inStep.ruleId()).isEqualTo("net.dns-resolution");
    assertThat(inStep.primary().line()).isEqualTo(11L);
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  /** Codecov's v3 uploader says an unknown repository needs a token in its error line: the token rule names it. */
  @Test
  void analyze_codecovV3UploaderWithoutToken_isTheTokenRule() throws IOException {
    Diagnosis d = analyze(
        "##[group]Run codecov/codecov-action@v3",
        "##[endgroup]",
        "[2024-01-01T00:00:00.000Z] ['info'] -> No token specified or token is empty",
        "[2024-01-01T00:00:01.000Z] ['error'] There was an error running the uploader: Error uploading to https://codecov.io:"
            + " Error: There was an error fetching the storage URL during POST: 404 - {'detail': ErrorDetail(string='Could not"
            + " find a repository, try using repo upload token', code='not_found')}",
        "##[error]Codecov: Failed to properly upload: The process '/home/runner/work/_actions/codecov/codecov-action/v3/dist/codecov'"
            + " failed with exit code 255");
    assertThat(d.ruleId()).isEqualTo("codecov.token-required");
    assertThat(d.primary().line()).isEqualTo(4L);
  }

  /** Travis CI's "Your build has been stopped." is a cancellation, and a fetch of a ref the remote lost names the ref. */
  @Test
  void analyze_travisStoppedAndGitLabLostPipelineRef() throws IOException {
    Diagnosis stopped = analyze("$ make test", "Running 120 tests", "Your build has been stopped.");
    assertThat(stopped.ruleId()).isEqualTo("gha.cancelled");
    assertThat(stopped.category()).isEqualTo(dev.cidoctor.model.Category.CANCELLED);

    Diagnosis ref = analyze("Fetching changes with git depth set to 20...", "fatal: couldn't find remote ref refs/pipelines/12345",
        "ERROR: Job failed: exit code 1");
    assertThat(ref.ruleId()).isEqualTo("git.remote-branch-not-found");
    assertThat(ref.summary()).isEqualTo("git: refs/pipelines/12345 does not exist on the remote");
  }
}
