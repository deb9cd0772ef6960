package dev.cidoctor.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store's statistics over one window: top patterns, failures per category, failure rate per
 * workflow and branch, flaky jobs, mean time to recovery, trends of patterns and of failure rates, and the
 * LLM spend of the current month.
 */
public record Stats(
    StatsQuery query,
    long failures,
    List<PatternSummary> patterns,
    Map<String, Long> categories,
    List<WorkflowRate> workflows,
    List<BranchRate> branches,
    List<FlakyJob> flakyJobs,
    Optional<Duration> meanTimeToRecovery,
    long recoveries,
    List<TrendFlag> trends,
    List<RateTrend> rateTrends,
    Spend monthSpend) {

  public Stats {
    patterns = List.copyOf(patterns);
    categories = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(categories));
    workflows = List.copyOf(workflows);
    branches = List.copyOf(branches);
    flakyJobs = List.copyOf(flakyJobs);
    trends = List.copyOf(trends);
    rateTrends = List.copyOf(rateTrends);
  }

  /** Runs and failed runs of one workflow in one repository. */
  public record WorkflowRate(String repo, String workflow, long runs, long failedRuns) {
    public double rate() {
      return runs == 0 ? 0 : (double) failedRuns / runs;
    }
  }

  /** Runs and failed runs on one branch of one repository. */
  public record BranchRate(String repo, String branch, long runs, long failedRuns) {
    public double rate() {
      return runs == 0 ? 0 : (double) failedRuns / runs;
    }
  }

  /** A job that failed and then passed on the same commit, on how many of the commits it failed on. */
  public record FlakyJob(String repo, String workflow, String job, long flakyCommits, long failedCommits) {
    public double flakeRate() {
      return failedCommits == 0 ? 0 : Math.min(1.0, (double) flakyCommits / failedCommits);
    }
  }

  /** A pattern worth a look: rising, new, or back after a fix; {@code evidence} says why in numbers. */
  public record TrendFlag(String kind, String name, String fingerprint, String evidence) {}

  /**
   * A failure rate that rose for real in the last 7 days against the 28 before ({@link Trend#rateRise}),
   * of a whole repository ({@code scope} "repo"), one workflow ("workflow") or one branch ("branch");
   * the fields the scope does not narrow by are null.
   */
  public record RateTrend(String scope, String repo, String workflow, String branch, long recentRuns, long recentFailedRuns,
      long baselineRuns, long baselineFailedRuns, String evidence) {}

  /** LLM spend: dollars, tokens and how many analyses used the LLM. */
  public record Spend(String month, double dollars, long inputTokens, long outputTokens, long analyses) {}
}
