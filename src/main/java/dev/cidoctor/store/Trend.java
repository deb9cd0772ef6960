package dev.cidoctor.store;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a count rose for real: the last 7 days against the 28 before, scaled to 7 days.
 * It takes at least {@link #MIN_RECENT} recent failures, twice the baseline, and a Poisson z-score of
 * 3 or more, so that 2 failures after none, or noise around a large baseline, never count as a rise.
 */
public final class Trend {
  public static final int RECENT_DAYS = 7;
  public static final int BASELINE_DAYS = 28;
  public static final int MIN_RECENT = 5;
  static final double MIN_RATIO = 2.0;
  static final double MIN_Z = 3.0;

  private Trend() {}

  /** Returns the evidence sentence when {@code recent} (7 days) is a real increase over {@code baseline} (28 days). */
  public static Optional<String> rise(long recent, long baseline) {
    if (recent < 0 || baseline < 0) {
      throw new IllegalArgumentException("counts cannot be negative: " + recent + ", " + baseline);
    }
    double expected = baseline * (double) RECENT_DAYS / BASELINE_DAYS;
    double floor = Math.max(expected, 1.0); // a baseline of zero still expects about one by chance
    double z = (recent - expected) / Math.sqrt(floor);
    if (recent < MIN_RECENT || recent < MIN_RATIO * floor || z < MIN_Z) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "%d in the last 7 days against %.1f expected from the 28 before (%d)",
        recent, expected, baseline));
  }
}
