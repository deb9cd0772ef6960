package dev.cidoctor.store.jdbc;

import dev.cidoctor.analysis.Fingerprint;
import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.model.Category;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.Job;
import dev.cidoctor.model.JobOutcome;
import dev.cidoctor.model.Severity;
import dev.cidoctor.model.WorkflowRun;
import java.time.Instant;
import java.util.List;

/** Builds the runs, jobs and diagnoses the store tests record. */
final class Runs {
  static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  private Runs() {}

  static WorkflowRun run(String repo, long id, int attempt, String branch, String sha, String conclusion, Instant created) {
    return new WorkflowRun(repo, id, attempt, id, "CI", ".github/workflows/ci.yml", sha, branch, "push", "octocat",
        "completed", conclusion, "https://github.com/" + repo + "/actions/runs/" + id, "commit " + sha, created, created.plusSeconds(300));
  }

  static Job job(WorkflowRun run, long jobId, String name, String conclusion) {
    return new Job(jobId, run.id(), run.attempt(), name, "completed", conclusion, run.createdAt().plusSeconds(10),
        run.createdAt().plusSeconds(200), null, "runner", List.of());
  }

  static Diagnosis diagnosis(String ruleId, String line) {
    Category category = Category.TEST_FAILURE;
    return new Diagnosis("log", "test", category, Severity.HIGH, false, "Tests failed: " + line, "Fix the test.", ruleId, 0.9,
        List.of(new Evidence(null, 12, line)), "pytest", List.of(), Fingerprint.of(category.wireName(), ruleId, line), List.of());
  }

  static JobOutcome failed(WorkflowRun run, long jobId, String name, Diagnosis d) {
    return new JobOutcome(run, job(run, jobId, name, "failure"), d, AnalysisCost.NONE);
  }

  static JobOutcome passed(WorkflowRun run, long jobId, String name) {
    return new JobOutcome(run, job(run, jobId, name, "success"), null, AnalysisCost.NONE);
  }
}
