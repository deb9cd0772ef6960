package dev.cidoctor.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything cidoctor found about one run attempt: each job's outcome (failed jobs with their
 * diagnosis), what changed since the last green run of the same workflow and branch, and notes drawn
 * from the workflow file (a database the tests need but no {@code services:} block, say).
 *
 * @param lastSuccess the newest green run before this one, or null when none was found
 * @param changes the commits after {@code lastSuccess} up to this run's head, oldest first
 * @param notes sentences for a person, from the run's context
 * @param problems what could not be read (expired logs, a job the service refused), one sentence each
 */
public record RunAnalysis(
    WorkflowRun run,
    List<JobOutcome> jobs,
    WorkflowRun lastSuccess,
    List<Commit> changes,
    List<String> notes,
    List<String> problems,
    AnalysisCost cost) {

  public RunAnalysis {
    jobs = List.copyOf(jobs);
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
    problems = List.copyOf(problems);
    cost = cost == null ? AnalysisCost.NONE : cost;
  }

  /** The diagnoses of the failed jobs. */
  public List<Diagnosis> diagnoses() {
    List<Diagnosis> out = new ArrayList<>();
    for (JobOutcome o : jobs) {
      if (o.diagnosis() != null) {
        out.add(o.diagnosis());
      }
    }
    return out;
  }

  /**
   * Groups the failed jobs by fingerprint, so a matrix of eight jobs failing the same way reads as one
   * cause with eight jobs; the groups keep the order of the first job of each.
   */
  public List<Cause> causes() {
    Map<String, List<JobOutcome>> groups = new LinkedHashMap<>();
    for (JobOutcome o : jobs) {
      if (o.diagnosis() != null) {
        groups.computeIfAbsent(o.diagnosis().fingerprint(), k -> new ArrayList<>()).add(o);
      }
    }
    List<Cause> out = new ArrayList<>();
    for (List<JobOutcome> g : groups.values()) {
      out.add(new Cause(g.get(0).diagnosis(), g.stream().map(o -> o.job().name()).toList()));
    }
    return out;
  }

  /** One distinct reason the run failed, and the jobs that failed for it. */
  public record Cause(Diagnosis diagnosis, List<String> jobs) {
    public Cause {
      jobs = List.copyOf(jobs);
    }
  }
}
