package dev.cidoctor.llm;

import dev.cidoctor.model.Diagnosis;
import java.util.List;

/** Finds failures similar to a diagnosis that were seen before, with their known fixes (the pattern store). */
public interface KnownFixes {
  KnownFixes NONE = (d, limit) -> List.of();

  /** Returns at most {@code limit} similar failures, most similar first. */
  List<KnownFix> similar(Diagnosis diagnosis, int limit);
}
