package dev.cidoctor.report;

import dev.cidoctor.model.Category;
import dev.cidoctor.model.Diagnosis;
import java.util.List;

/** Choices shared by the renderers. */
public final class Reports {
  private Reports() {}

  /** The job whose diagnosis leads: the most confident one that found a failure, else the first. */
  public static Diagnosis primaryJob(List<Diagnosis> jobs) {
    if (jobs.isEmpty()) {
      throw new IllegalArgumentException("no diagnosis to report");
    }
    Diagnosis best = jobs.get(0);
    for (Diagnosis d : jobs) {
      boolean found = d.category() != Category.UNKNOWN || d.primary() != null;
      boolean bestFound = best.category() != Category.UNKNOWN || best.primary() != null;
      if (found && (!bestFound || d.confidence() > best.confidence())) {
        best = d;
      }
    }
    return best;
  }
}
