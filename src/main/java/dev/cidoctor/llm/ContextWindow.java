package dev.cidoctor.llm;

import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import java.util.Map;
import java.util.TreeMap;

/**
 * Picks what of a log is sent to the model within a character budget: the lines around the rule
 * engine's primary evidence, the step that failed, the other evidence, error markers and the end of
 * the log, in that order of priority. Never the blind start of the log.
 */
public final class ContextWindow {
  private static final int LINE_CHARS = 400;
  /** Longest gap marker: "   ...| (" + up to 10 digits + " lines not shown)\n". */
  private static final int GAP_CHARS = 9 + 10 + 17;

  private ContextWindow() {}

  /** Returns the chosen lines, numbered ({@code "  123| text"}), with gaps marked, at most {@code maxChars} long. */
  public static String extract(LogLines log, Diagnosis d, int maxChars) {
    TreeMap<Integer, String> chosen = new TreeMap<>();
    int[] used = {0};
    int held = (int) log.last();
    int firstHeld = (int) log.first();
    Evidence primary = d.primary();
    if (primary != null) {
      int p = (int) primary.line();
      add(log, chosen, used, maxChars, p - 20, p + 6);
      int header = stepHeader(log, p);
      if (header > 0) {
        add(log, chosen, used, maxChars, header, header + 1);
      }
    }
    for (Evidence e : d.evidence()) {
      add(log, chosen, used, maxChars, (int) e.line() - 2, (int) e.line() + 2);
    }
    for (int i = held; i >= firstHeld && i > held - 20_000; i--) {
      String s = log.line(i);
      if (s.contains("##[error]") || s.contains("Process completed with exit code")) {
        add(log, chosen, used, maxChars, i - 3, i);
      }
    }
    add(log, chosen, used, maxChars, held - 15, held);
    return render(chosen);
  }

  /** The nearest GitHub step header ({@code ##[group]Run ...}) before {@code line}, or 0. */
  static int stepHeader(LogLines log, int line) {
    for (int i = (int) Math.min(line, log.last()); i >= log.first() && i > line - 50_000; i--) {
      if (log.line(i).startsWith("##[group]Run ")) {
        return i;
      }
    }
    return 0;
  }

  private static void add(LogLines log, TreeMap<Integer, String> chosen, int[] used, int max, int from, int to) {
    for (int i = (int) Math.max(log.first(), from); i <= Math.min(to, log.last()); i++) {
      if (chosen.containsKey(i)) {
        continue;
      }
      String s = log.line(i);
      String text = s.length() > LINE_CHARS ? s.substring(0, LINE_CHARS) + " [cut]" : s;
      // the rendered line ("%6d| " + text + "\n"), plus a gap marker when the line touches no chosen line:
      // adding one line adds at most one gap, so the total never passes max
      boolean isolated = !chosen.containsKey(i - 1) && !chosen.containsKey(i + 1);
      int cost = text.length() + Math.max(6, String.valueOf(i).length()) + 3 + (isolated ? GAP_CHARS : 0);
      if (used[0] + cost > max) {
        return;
      }
      used[0] += cost;
      chosen.put(i, text);
    }
  }

  private static String render(TreeMap<Integer, String> chosen) {
    StringBuilder sb = new StringBuilder();
    int last = 0;
    for (Map.Entry<Integer, String> e : chosen.entrySet()) {
      if (e.getKey() > last + 1) {
        sb.append("   ...| (").append(e.getKey() - last - 1).append(" lines not shown)\n");
      }
      sb.append(String.format(java.util.Locale.ROOT, "%6d| ", e.getKey())).append(e.getValue()).append('\n');
      last = e.getKey();
    }
    return sb.toString();
  }
}
