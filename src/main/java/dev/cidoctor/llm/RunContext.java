package dev.cidoctor.llm;

import dev.cidoctor.ci.CiProvider;
import dev.cidoctor.model.Job;
import dev.cidoctor.model.WorkflowRun;
import java.util.Objects;

/** The GitHub run a log came from, which enables the tools that read the repository and its history. */
public record RunContext(CiProvider ci, WorkflowRun run, Job job) {
  public RunContext {
    Objects.requireNonNull(ci, "ci");
    Objects.requireNonNull(run, "run");
  }
}
