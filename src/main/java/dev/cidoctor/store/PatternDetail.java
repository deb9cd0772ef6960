package dev.cidoctor.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One pattern in detail: its summary, counts per day, branches, recent occurrences and the fixes that ended it. */
public record PatternDetail(
    PatternSummary summary,
    Map<LocalDate, Long> perDay,
    List<String> branches,
    List<Occurrence> recent,
    List<Fix> fixes,
    long flakyCommits) {

  public PatternDetail {
    perDay = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(perDay));
    branches = List.copyOf(branches);
    recent = List.copyOf(recent);
    fixes = List.copyOf(fixes);
  }

  /** One failed job with this pattern. */
  public record Occurrence(String repo, String workflow, String job, long runId, int attempt, String branch, String sha,
      Instant at, String evidence) {}
}
