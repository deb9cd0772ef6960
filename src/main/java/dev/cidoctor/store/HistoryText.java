package dev.cidoctor.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Says in a few lines what the store remembers of a failure, as shown under a diagnosis. */
public final class HistoryText {
  private HistoryText() {}

  /** The history of one pattern as shown under a diagnosis; counts leave out the failure being shown. */
  public static List<String> lines(History h, String job, String hiddenRepo) {
    List<String> out = new ArrayList<>();
    out.add("History" + (job == null ? "" : " of " + job) + " (pattern " + h.name() + "):");
    long others = h.occurrences() - 1;
    long week = Math.max(0, h.lastWeek() - 1);
    if (others <= 0) {
      out.add("  First occurrence of this failure.");
    } else {
      out.add("  Similar failures: " + times(week) + " in the past week, " + times(others) + " in all since "
          + day(h.firstSeen()) + ".");
    }
    h.lastFix().ifPresent(f -> out.add("  Last fixed by " + f.shortSha() + (f.message() == null ? "" : " \"" + f.message() + "\"")
        + " on " + day(f.at()) + " (" + f.repo() + (f.branch() == null ? "" : ", " + f.branch()) + ")."));
    List<String> elsewhere = h.repos().stream().filter(r -> !r.equals(hiddenRepo)).toList();
    if (!elsewhere.isEmpty()) {
      out.add("  Also seen in: " + String.join(", ", elsewhere.subList(0, Math.min(5, elsewhere.size())))
          + (elsewhere.size() > 5 ? " and " + (elsewhere.size() - 5) + " more" : "") + ".");
    }
    if (h.flakyCommits() > 0) {
      out.add("  Flaky: failed and then passed on the same commit " + times(h.flakyCommits()) + ".");
    }
    return out;
  }

  private static String times(long n) {
    return n == 1 ? "once" : n + " times";
  }

  static String day(Instant t) {
    return t.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }
}
