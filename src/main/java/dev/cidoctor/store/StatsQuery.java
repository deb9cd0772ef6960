package dev.cidoctor.store;

import java.time.Instant;

/**
 * Narrows statistics to one repository (null for all) and to failures since {@code since}, as of
 * {@code now}; {@code limit} caps each list.
 */
public record StatsQuery(String repo, Instant since, Instant now, int limit) {
  public StatsQuery {
    if (since == null || now == null) {
      throw new IllegalArgumentException("since and now are required");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be 1 or more: " + limit);
    }
  }
}
