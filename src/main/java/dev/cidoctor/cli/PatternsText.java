package dev.cidoctor.cli;

import dev.cidoctor.store.Fix;
import dev.cidoctor.store.PatternDetail;
import dev.cidoctor.store.PatternSummary;
import dev.cidoctor.store.Stats;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders {@code patterns} output as plain tables for a terminal (columns padded, long cells cut). */
final class PatternsText {
  private static final int MAX_CELL = 48;

  String stats(Stats s) {
    StringBuilder sb = new StringBuilder();
    sb.append("Pattern store: ").append(s.failures()).append(" failure").append(s.failures() == 1 ? "" : "s").append(" since ")
        .append(day(s.query().since())).append(s.query().repo() == null ? "" : " in " + s.query().repo()).append("\n\n");

    sb.append("Top patterns:\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NAME", "COUNT", "FIRST SEEN", "LAST SEEN", "REPOS", "LAST FIX", "FINGERPRINT"});
    for (PatternSummary p : s.patterns()) {
      rows.add(new String[] {p.name(), String.valueOf(p.occurrences()), day(p.firstSeen()), day(p.lastSeen()),
          String.valueOf(p.repos().size()), p.lastFix().map(f -> f.shortSha() + " " + day(f.at())).orElse("-"), p.fingerprint()});
    }
    table(sb, rows);

    sb.append("Categories:\n");
    rows = new ArrayList<>();
    rows.add(new String[] {"CATEGORY", "FAILURES", "SHARE"});
    for (var e : s.categories().entrySet()) {
      rows.add(new String[] {e.getKey(), String.valueOf(e.getValue()), percent((double) e.getValue() / Math.max(1, s.failures()))});
    }
    table(sb, rows);

    sb.append("Failure rate per workflow:\n");
    rows = new ArrayList<>();
    rows.add(new String[] {"REPO", "WORKFLOW", "RUNS", "FAILED", "RATE"});
    for (Stats.WorkflowRate w : s.workflows()) {
      rows.add(new String[] {w.repo(), w.workflow(), String.valueOf(w.runs()), String.valueOf(w.failedRuns()), percent(w.rate())});
    }
    table(sb, rows);

    sb.append("Failure rate per branch:\n");
    rows = new ArrayList<>();
    rows.add(new String[] {"REPO", "BRANCH", "RUNS", "FAILED", "RATE"});
    for (Stats.BranchRate b : s.branches()) {
      rows.add(new String[] {b.repo(), b.branch(), String.valueOf(b.runs()), String.valueOf(b.failedRuns()), percent(b.rate())});
    }
    table(sb, rows);

    sb.append("Flaky jobs (failed, then passed on the same commit):\n");
    rows = new ArrayList<>();
    rows.add(new String[] {"REPO", "WORKFLOW", "JOB", "FLAKY COMMITS", "FLAKE RATE"});
    for (Stats.FlakyJob f : s.flakyJobs()) {
      rows.add(new String[] {f.repo(), f.workflow(), f.job(), String.valueOf(f.flakyCommits()), percent(f.flakeRate())});
    }
    table(sb, rows);

    sb.append("Trends:\n");
    if (s.trends().isEmpty()) {
      sb.append("  (nothing rising, new or back after a fix)\n\n");
    } else {
      rows = new ArrayList<>();
      rows.add(new String[] {"KIND", "NAME", "WHY"});
      for (Stats.TrendFlag t : s.trends()) {
        rows.add(new String[] {t.kind(), t.name(), t.evidence()});
      }
      table(sb, rows);
    }

    sb.append("Failure rates rising (last 7 days against the 28 before):\n");
    if (s.rateTrends().isEmpty()) {
      sb.append("  (no repository, workflow or branch fails more often than before)\n\n");
    } else {
      rows = new ArrayList<>();
      rows.add(new String[] {"SCOPE", "REPO", "WORKFLOW/BRANCH", "LAST 7 DAYS", "28 DAYS BEFORE"});
      for (Stats.RateTrend t : s.rateTrends()) {
        rows.add(new String[] {t.scope(), t.repo(), t.workflow() != null ? t.workflow() : t.branch() != null ? t.branch() : "-",
            failed(t.recentFailedRuns(), t.recentRuns()), failed(t.baselineFailedRuns(), t.baselineRuns())});
      }
      table(sb, rows);
    }

    sb.append("Mean time to recovery: ").append(s.meanTimeToRecovery().map(PatternsText::duration).orElse("-"))
        .append(" (").append(s.recoveries()).append(" fixed failure").append(s.recoveries() == 1 ? "" : "s").append(")\n");
    Stats.Spend sp = s.monthSpend();
    sb.append(String.format(Locale.ROOT, "LLM spend in %s: $%.2f (%d analyses, %d input + %d output tokens)%n", sp.month(),
        sp.dollars(), sp.analyses(), sp.inputTokens(), sp.outputTokens()));
    return sb.toString();
  }

  String pattern(PatternDetail d) {
    PatternSummary p = d.summary();
    StringBuilder sb = new StringBuilder();
    sb.append("Pattern ").append(p.name()).append(" (").append(p.fingerprint()).append(")\n");
    sb.append("  Category: ").append(p.category()).append(" | Rule: ").append(p.ruleId() == null ? "none" : p.ruleId()).append('\n');
    sb.append("  Summary: ").append(cut(p.summary(), 120)).append('\n');
    sb.append("  Seen ").append(p.occurrences()).append(" times in the window; first ").append(day(p.firstSeen()))
        .append(", last ").append(day(p.lastSeen())).append('\n');
    sb.append("  Repos: ").append(p.repos().isEmpty() ? "-" : String.join(", ", p.repos())).append('\n');
    sb.append("  Branches: ").append(d.branches().isEmpty() ? "-" : String.join(", ", d.branches())).append('\n');
    if (d.flakyCommits() > 0) {
      sb.append("  Flaky: failed and then passed on the same commit ").append(d.flakyCommits()).append(" times\n");
    }
    sb.append('\n').append("Per day:\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"DAY", "FAILURES"});
    d.perDay().forEach((day, n) -> rows.add(new String[] {day.toString(), String.valueOf(n)}));
    table(sb, rows);
    sb.append("Recent occurrences:\n");
    List<String[]> rec = new ArrayList<>();
    rec.add(new String[] {"WHEN", "REPO", "WORKFLOW", "JOB", "RUN", "BRANCH", "SHA"});
    for (PatternDetail.Occurrence o : d.recent()) {
      rec.add(new String[] {o.at().toString(), o.repo(), o.workflow(), o.job(), o.runId() + "." + o.attempt(), dash(o.branch()),
          o.sha() == null ? "-" : o.sha().substring(0, Math.min(7, o.sha().length()))});
    }
    table(sb, rec);
    sb.append("Fixed by:\n");
    List<String[]> fx = new ArrayList<>();
    fx.add(new String[] {"WHEN", "REPO", "BRANCH", "SHA", "MESSAGE"});
    for (Fix f : d.fixes()) {
      fx.add(new String[] {day(f.at()), f.repo(), dash(f.branch()), f.shortSha(), dash(f.message())});
    }
    table(sb, fx);
    return sb.toString();
  }

  private static void table(StringBuilder sb, List<String[]> rows) {
    if (rows.size() == 1) {
      sb.append("  (none)\n\n");
      return;
    }
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], cut(r[i], MAX_CELL).length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < r.length; i++) {
        String cell = cut(r[i], MAX_CELL);
        line.append(cell).append(i == r.length - 1 ? "" : " ".repeat(width[i] - cell.length() + 2));
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    sb.append('\n');
  }

  private static String cut(String s, int max) {
    String v = s == null ? "-" : s.replace('\n', ' ');
    return v.length() <= max ? v : v.substring(0, max - 3) + "...";
  }

  private static String dash(String s) {
    return s == null || s.isEmpty() ? "-" : s;
  }

  private static String failed(long failed, long runs) {
    return failed + "/" + runs + " failed (" + percent(runs == 0 ? 0 : (double) failed / runs) + ")";
  }

  private static String percent(double v) {
    return String.format(Locale.ROOT, "%.1f%%", v * 100);
  }

  private static String day(Instant t) {
    return t == null ? "-" : t.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  static String duration(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes < 48 * 60) {
      return String.format(Locale.ROOT, "%.1f h", minutes / 60.0);
    }
    return String.format(Locale.ROOT, "%.1f days", minutes / 1440.0);
  }
}
