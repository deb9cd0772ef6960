package dev.cidoctor.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the store remembers about one fingerprint when a diagnosis is shown: how often and where it
 * happened, since when, and how it was last fixed. Counts include the failure being shown.
 */
public record History(
    String fingerprint,
    String name,
    long occurrences,
    long lastWeek,
    Instant firstSeen,
    Instant lastSeen,
    List<String> repos,
    List<String> branches,
    Optional<Fix> lastFix,
    long flakyCommits) {

  public History {
    repos = List.copyOf(repos);
    branches = List.copyOf(branches);
  }

  /** Says whether this is the only failure with this fingerprint the store has seen. */
  public boolean firstOccurrence() {
    return occurrences <= 1;
  }
}
