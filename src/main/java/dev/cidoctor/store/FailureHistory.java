package dev.cidoctor.store;

import java.time.Instant;
import java.util.Optional;

/**
 * What the store learned from the failures it recorded: one fingerprint's history, statistics over a
 * window, and one pattern in detail. Every query is answered from indexes and daily roll-ups, so it
 * stays fast with millions of stored failures.
 */
public interface FailureHistory {

  /** The history of one fingerprint as of {@code now}; empty when the store never saw it. */
  Optional<History> history(String fingerprint, Instant now);

  /** Top patterns, categories, failure rates, flaky jobs, recovery time, trends and LLM spend. */
  Stats stats(StatsQuery query);

  /**
   * Judges one recorded failed job (new, known recurring, flaky, transient, already failing on the
   * default branch) with its evidence.
   */
  Verdict verdict(dev.cidoctor.model.JobOutcome failure, String defaultBranch);

  /** One pattern by its name or fingerprint (or a unique prefix of it), with its occurrences and fixes. */
  Optional<PatternDetail> pattern(String nameOrFingerprint, StatsQuery query);
}
