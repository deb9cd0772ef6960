package dev.cidoctor.model;

/**
 * What happened to one job of one run attempt: the run and job as the provider reported them and, for
 * a failed job, its diagnosis (null for a job that passed or whose log could not be read).
 */
public record JobOutcome(WorkflowRun run, Job job, Diagnosis diagnosis, AnalysisCost cost) {
  public JobOutcome {
    if (run == null || job == null) {
      throw new IllegalArgumentException("a job outcome needs its run and job");
    }
    cost = cost == null ? AnalysisCost.NONE : cost;
  }
}
