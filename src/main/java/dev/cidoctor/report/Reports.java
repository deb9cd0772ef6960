package dev.cidoctor.report;

import dev.cidoctor.model.Category;
import dev.cidoctor.model.Diagnosis;
import java.util.List;

/** Choices shared by the renderers. */
public final class Reports {
  private Reports() {}

  /**
   * The job whose diagnosis leads: one that found a failure in a failed step, else one that found a
   * failure anywhere, else the first; the most confident among equals. Without the failed-step tier a
   * job that succeeded but printed error-like lines outranked the job that failed.
   */
  public static Diagnosis primaryJob(List<Diagnosis> jobs) {
    if (jobs.isEmpty()) {
      throw new IllegalArgumentException("no diagnosis to report");
    }
    Diagnosis best = jobs.get(0);
    for (Diagnosis d : jobs) {
      int rank = rank(d);
      int bestRank = rank(best);
      if (rank > bestRank || (rank > 0 && rank == bestRank && d.confidence() > best.confidence())) {
        best = d;
      }
    }
    return best;
  }

  private static int rank(Diagnosis d) {
    boolean found = d.category() != Category.UNKNOWN || d.primary() != null;
    return !found ? 0 : d.failedStep() == null ? 1 : 2;
  }
}
