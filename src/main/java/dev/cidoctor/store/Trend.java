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
    if (!risen(recent, expected)) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "%d in the last 7 days against %.1f expected from the 28 before (%d)",
        recent, expected, baseline));
  }

  /**
   * Returns the evidence sentence when the failure rate of the last 7 days is a real increase over the
   * rate of the 28 before: the recent failed runs against the failures the baseline rate expects of
   * the recent runs, judged like {@link #rise}. More runs at the same rate is no rise, and without
   * runs in the baseline there is no rate to rise from.
   */
  public static Optional<String> rateRise(long recentFailed, long recentRuns, long baselineFailed, long baselineRuns) {
    if (recentFailed < 0 || baselineFailed < 0 || recentFailed > recentRuns || baselineFailed > baselineRuns) {
      throw new IllegalArgumentException("failed runs must be within 0..runs: " + recentFailed + "/" + recentRuns + ", "
          + baselineFailed + "/" + baselineRuns);
    }
    if (baselineRuns == 0) {
      return Optional.empty();
    }
    double baselineRate = (double) baselineFailed / baselineRuns;
    double expected = recentRuns * baselineRate;
    if (!risen(recentFailed, expected)) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "%d of %d runs failed in the last 7 days (%.1f%%) against %.1f%% of %d in the 28 "
        + "before (%.1f expected)", recentFailed, recentRuns, 100.0 * recentFailed / recentRuns, 100 * baselineRate, baselineRuns,
        expected));
  }

  private static boolean risen(long recent, double expected) {
    double floor = Math.max(expected, 1.0); // a baseline of zero still expects about one by chance
    double z = (recent - expected) / Math.sqrt(floor);
    return recent >= MIN_RECENT && recent >= MIN_RATIO * floor && z >= MIN_Z;
  }
}
