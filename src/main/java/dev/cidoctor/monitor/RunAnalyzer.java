package dev.cidoctor.monitor;

import dev.cidoctor.analysis.Analyzer;
import dev.cidoctor.ci.CiException;
import dev.cidoctor.ci.CiProvider;
import dev.cidoctor.logs.LogDocument;
import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.model.Commit;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Job;
import dev.cidoctor.model.JobOutcome;
import dev.cidoctor.model.RunAnalysis;
import dev.cidoctor.model.WorkflowRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Analyzes one run attempt end to end: lists its jobs, downloads the log of each failed job, diagnoses
 * it, and reads the run's context (the workflow file at the head commit, the commits since the last
 * green run). One job whose log cannot be read does not stop the others; what could not be read is
 * reported as a problem sentence.
 */
public final class RunAnalyzer {
  private final CiProvider ci;
  private final Analyzer analyzer;
  private final JobDiagnoser diagnoser;
  private final long maxLogBytes;
  private final Clock clock;

  /**
   * Turns the rules' diagnosis of one job's log into the final one (an LLM may refine it); the
   * default keeps the rules' answer at no cost.
   */
  @FunctionalInterface
  public interface JobDiagnoser {
    Refined refine(WorkflowRun run, Job job, Path log, Diagnosis rules);

    /** The final diagnosis and what producing it cost beyond the rules. */
    record Refined(Diagnosis diagnosis, AnalysisCost cost) {}

    JobDiagnoser RULES_ONLY = (run, job, log, rules) -> new Refined(rules, AnalysisCost.NONE);
  }

  public RunAnalyzer(CiProvider ci, Analyzer analyzer, JobDiagnoser diagnoser, long maxLogBytes, Clock clock) {
    if (maxLogBytes <= 0) {
      throw new IllegalArgumentException("maxLogBytes must be positive: " + maxLogBytes);
    }
    this.ci = ci;
    this.analyzer = analyzer;
    this.diagnoser = diagnoser;
    this.maxLogBytes = maxLogBytes;
    this.clock = clock;
  }

  /**
   * Analyzes {@code run}. Jobs that passed are listed without a diagnosis; a run that did not fail is
   * not downloaded at all. Throws CiException only when the jobs themselves cannot be listed.
   */
  public RunAnalysis analyze(WorkflowRun run) {
    long start = clock.millis();
    List<Job> jobs = ci.jobs(run.repo(), run.id(), run.attempt());
    List<JobOutcome> outcomes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    AnalysisCost cost = AnalysisCost.NONE;
    for (Job job : jobs) {
      if (!job.failed()) {
        outcomes.add(new JobOutcome(run, job, null, null));
        continue;
      }
      try {
        JobOutcome o = analyzeJob(run, job, problems);
        outcomes.add(o);
        cost = cost.plus(o.cost());
      } catch (CiException e) {
        problems.add(e.getMessage());
        outcomes.add(new JobOutcome(run, job, null, null));
      }
    }
    if (run.failed() && jobs.stream().noneMatch(Job::failed)) {
      problems.add("Run #" + run.runNumber() + " ended '" + run.conclusion() + "' without a failed job"
          + ("startup_failure".equals(run.conclusion()) ? ": GitHub could not start it, so check the workflow file for syntax errors." : "."));
    }
    WorkflowContext.Found context = run.failed() ? new WorkflowContext(ci).read(run, outcomes, problems) : WorkflowContext.Found.NONE;
    long millis = Math.max(0, clock.millis() - start);
    return new RunAnalysis(run, outcomes, context.lastSuccess(), context.changes(), context.notes(), problems,
        new AnalysisCost(cost.dollars(), cost.inputTokens(), cost.outputTokens(), millis));
  }

  private JobOutcome analyzeJob(WorkflowRun run, Job job, List<String> problems) {
    Path log = null;
    long start = clock.millis();
    try {
      log = Files.createTempFile("cidoctor-job-" + job.id() + "-", ".log");
      ci.downloadJobLog(run.repo(), job.id(), log, maxLogBytes);
      if (Files.size(log) >= maxLogBytes) {
        problems.add("The log of job '" + job.name() + "' is larger than " + (maxLogBytes >> 20)
            + " MB; only its first " + (maxLogBytes >> 20) + " MB were analyzed.");
      }
      String input = run.repo() + " run " + run.id() + " job " + job.name();
      Path file = log;
      Diagnosis rules = analyzer.analyze(new LogDocument(input, null, job.name(), file, () -> Files.newInputStream(file)));
      JobDiagnoser.Refined refined = diagnoser.refine(run, job, log, rules);
      long millis = Math.max(0, clock.millis() - start);
      AnalysisCost c = refined.cost();
      return new JobOutcome(run, job, refined.diagnosis(),
          new AnalysisCost(c.dollars(), c.inputTokens(), c.outputTokens(), millis));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot analyze the log of job '" + job.name() + "': " + e.getMessage(), e);
    } finally {
      deleteQuietly(log);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a temp file left behind is harmless; the OS cleans /tmp
      }
    }
  }

  static String describe(Commit c) {
    return Commit.shortSha(c.sha()) + " " + c.headline() + (c.author() == null ? "" : " (" + c.author() + ")");
  }
}
