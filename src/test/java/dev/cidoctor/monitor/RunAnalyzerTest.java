package dev.cidoctor.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.model.Job;
import dev.cidoctor.model.RunAnalysis;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.report.RunReport;
import dev.cidoctor.testing.InMemoryCi;
import dev.cidoctor.testing.MutableClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunAnalyzerTest {
  final InMemoryCi ci = new InMemoryCi();
  final RunAnalyzer analyzer = new RunAnalyzer(ci, MonitorTest.ANALYZER, RunAnalyzer.JobDiagnoser.RULES_ONLY, 1 << 20,
      new MutableClock(MonitorTest.T0));

  @Test
  void analyze_databaseRefusedAndNoServicesBlock_suggestsTheServiceAndNamesTheChanges() {
    ci.run("octo/app", 100, 1, "success", "aaa1111", MonitorTest.T0.minus(Duration.ofHours(2)), Map.of(), "test");
    WorkflowRun run = ci.run("octo/app", 102, 1, "failure", "ccc3333", MonitorTest.T0, Map.of("test", MonitorTest.PYTEST_LOG), "lint");
    ci.file("octo/app", ".github/workflows/ci.yml", "ccc3333", """
        name: CI
        on: push
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - run: pytest -q
        """);
    ci.commit("aaa1111", "octocat", "Release 1.2").commit("bbb2222", "monalisa", "Add the orders table\n\nbody")
        .commit("ccc3333", "monalisa", "Store orders in PostgreSQL");

    RunAnalysis a = analyzer.analyze(run);

    assertThat(a.jobs()).hasSize(2);
    assertThat(a.diagnoses()).hasSize(1);
    assertThat(a.lastSuccess().id()).isEqualTo(100);
    assertThat(a.changes()).extracting(c -> c.sha()).containsExactly("bbb2222", "ccc3333");
    assertThat(a.notes()).anySatisfy(n -> assertThat(n)
        .startsWith("The job dials PostgreSQL on localhost:5432, but .github/workflows/ci.yml at ccc3333 declares no postgres service. Add one to the job:\nservices:\n  postgres:\n    image: postgres:16"));
    assertThat(a.notes()).contains("2 commits since the last green run #100 at aaa1111; one of them likely caused this failure: "
        + "ccc3333 Store orders in PostgreSQL (monalisa); bbb2222 Add the orders table (monalisa).");
    assertThat(a.problems()).isEmpty();
    String text = RunReport.text(a, false, false);
    assertThat(text).contains("  \u251c\u2500 lint (SUCCESS)").contains("  \u2514\u2500 test (FAILED)").contains("Context:");
  }

  @Test
  void analyze_serviceDeclared_pointsAtItsReadinessInstead() {
    WorkflowRun run = ci.run("octo/app", 102, 1, "failure", "ccc3333", MonitorTest.T0, Map.of("test", MonitorTest.PYTEST_LOG));
    ci.file("octo/app", ".github/workflows/ci.yml", "ccc3333", """
        jobs:
          test:
            services:
              db:
                image: postgres:15
        """);

    RunAnalysis a = analyzer.analyze(run);

    assertThat(a.notes()).anySatisfy(n -> assertThat(n).startsWith("The job could not reach PostgreSQL on localhost:5432 although"));
  }

  @Test
  void analyze_sameCommitPassedBefore_saysFlakyNotCode() {
    ci.run("octo/app", 100, 1, "success", "ccc3333", MonitorTest.T0.minus(Duration.ofHours(2)), Map.of(), "test");
    WorkflowRun run = ci.run("octo/app", 102, 1, "failure", "ccc3333", MonitorTest.T0, Map.of("test", MonitorTest.PYTEST_LOG));

    RunAnalysis a = analyzer.analyze(run);

    assertThat(a.notes()).contains("The same commit ccc3333 passed in run #100: the failure is likely flaky or caused by the environment, not by the code.");
  }

  @Test
  void analyze_expiredLog_reportsItAndKeepsTheOtherJobs() {
    WorkflowRun run = ci.run("octo/app", 102, 1, "failure", "ccc3333", MonitorTest.T0,
        Map.of("test", MonitorTest.PYTEST_LOG, "docs", "make: *** [html] Error 2\n"));
    Job docs = ci.jobsOf(run).stream().filter(j -> j.name().equals("docs")).findFirst().orElseThrow();
    ci.expireLog(docs.id());

    RunAnalysis a = analyzer.analyze(run);

    assertThat(a.diagnoses()).hasSize(1);
    assertThat(a.problems()).contains("The logs of job " + docs.id() + " in octo/app expired.");
  }

  @Test
  void analyze_passedRun_downloadsNothing() {
    WorkflowRun run = ci.run("octo/app", 101, 1, "success", "aaa1111", MonitorTest.T0, Map.of(), "build", "test");

    RunAnalysis a = analyzer.analyze(run);

    assertThat(a.jobs()).hasSize(2);
    assertThat(ci.calls("downloadJobLog")).isZero();
    assertThat(ci.calls("lastSuccess")).isZero();
  }
}
