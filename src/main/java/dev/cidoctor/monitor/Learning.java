package dev.cidoctor.monitor;

import dev.cidoctor.model.JobOutcome;
import dev.cidoctor.model.RunAnalysis;
import dev.cidoctor.store.FailureHistory;
import dev.cidoctor.store.HistoryText;
import dev.cidoctor.store.PatternStore;
import dev.cidoctor.store.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds what the store remembers to a recorded run's analysis: for each distinct cause, its history
 * (similar failures, the last fix, other repos) and a verdict (new, recurring, flaky, transient,
 * already failing on the default branch) with its evidence.
 */
public final class Learning {
  private Learning() {}

  public static RunAnalysis enrich(RunAnalysis a, PatternStore store, String defaultBranch, Instant now) {
    if (!(store instanceof FailureHistory h) || a.causes().isEmpty()) {
      return a;
    }
    List<String> notes = new ArrayList<>(a.notes());
    for (RunAnalysis.Cause c : a.causes()) {
      JobOutcome first = a.jobs().stream().filter(o -> o.diagnosis() == c.diagnosis()).findFirst().orElse(null);
      try {
        h.history(c.diagnosis().fingerprint(), now).ifPresent(hist -> {
          List<String> lines = HistoryText.lines(hist, null, "local");
          notes.add(lines.get(0).replaceFirst(":$", "") + ": " + String.join(" ", lines.subList(1, lines.size()).stream().map(String::strip).toList()));
        });
        if (first != null) {
          Verdict v = h.verdict(first, defaultBranch);
          notes.add("Verdict" + (a.causes().size() > 1 ? " for " + String.join(", ", c.jobs()) : "") + ": "
              + v.kind().wireName().replace('_', ' ') + " (" + v.evidence() + ")");
        }
      } catch (RuntimeException e) {
        notes.add("History unavailable: " + e.getMessage());
      }
    }
    return new RunAnalysis(a.run(), a.jobs(), a.lastSuccess(), a.changes(), notes, a.problems(), a.cost());
  }
}
