package dev.cidoctor.store.jdbc;

import dev.cidoctor.model.JobOutcome;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.store.LearningStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A child process for the crash test: records run after run (three failed jobs each) and prints each
 * run id once committed, until it is killed.
 */
final class CrashWriter {
  static final int JOBS_PER_RUN = 3;

  private CrashWriter() {}

  public static void main(String[] args) {
    LearningStore store = args[0].equals("sqlite") ? PatternStores.sqlite(Path.of(args[1])) : PatternStores.postgres(args[1], null, null);
    for (long id = 1; ; id++) {
      store.recordRun(run(id), jobs(run(id)), Instant.now());
      System.out.println("recorded " + id);
      System.out.flush();
    }
  }

  static WorkflowRun run(long id) {
    return Runs.run("octo/crash", id, 1, "main", "sha" + id, "failure", Runs.T0.plusSeconds(id));
  }

  static List<JobOutcome> jobs(WorkflowRun run) {
    List<JobOutcome> out = new ArrayList<>();
    for (int j = 0; j < JOBS_PER_RUN; j++) {
      out.add(Runs.failed(run, run.id() * 10 + j, "job" + j, Runs.diagnosis("rule." + (run.id() % 7), "boom " + j)));
    }
    return out;
  }
}
