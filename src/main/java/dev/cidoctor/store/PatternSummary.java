package dev.cidoctor.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One pattern (failures sharing a fingerprint) over the queried window, with where it happened and its last fix. */
public record PatternSummary(
    String fingerprint,
    String name,
    String category,
    String ruleId,
    String summary,
    long occurrences,
    Instant firstSeen,
    Instant lastSeen,
    List<String> repos,
    Optional<Fix> lastFix) {

  public PatternSummary {
    repos = List.copyOf(repos);
  }
}
