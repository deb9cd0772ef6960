package dev.cidoctor.monitor;

import dev.cidoctor.ci.CiException;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.RunAnalysis;
import dev.cidoctor.model.WorkflowRun;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Prints one line per processed run attempt in the shape of the product brief, with the root cause
 * and fix of each distinct cause under a failed run. Successes are skipped when IGNORE_SUCCESS is set.
 */
public final class MonitorPrinter implements RunListener {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private final PrintWriter out;
  private final Clock clock;
  private final boolean ignoreSuccess;
  private final boolean debug;

  /**
   * Prints to {@code out}; at LOG_LEVEL WARNING or ERROR passing and cancelled runs are not printed,
   * at DEBUG every poll cycle adds a line.
   */
  public MonitorPrinter(PrintWriter out, Clock clock, boolean ignoreSuccess, String logLevel) {
    this.out = out;
    this.clock = clock;
    this.ignoreSuccess = ignoreSuccess || "WARNING".equals(logLevel) || "ERROR".equals(logLevel);
    this.debug = "DEBUG".equals(logLevel);
  }

  @Override
  public synchronized void cycleEnded(Monitor.Cycle c) {
    if (debug) {
      line("Poll cycle: " + c.listed() + " recent runs listed, " + c.processed() + " processed, " + c.failedToProcess()
          + " to retry, " + c.reposSkipped() + " repos skipped.");
      out.flush();
    }
  }

  @Override
  public synchronized void processed(RunAnalysis a) {
    WorkflowRun r = a.run();
    String head = "Workflow \"" + r.workflowName() + "\" #" + r.runNumber()
        + (r.attempt() > 1 ? " (attempt " + r.attempt() + ")" : "");
    String where = " in " + r.repo() + " on " + r.branch();
    String conclusion = r.conclusion() == null ? "completed" : r.conclusion();
    if ("success".equals(conclusion)) {
      if (!ignoreSuccess) {
        line("\u2705 " + head + " succeeded" + where);
      }
    } else if (!r.failed()) {
      if (!ignoreSuccess) {
        line("\u23f9\ufe0f " + head + " " + conclusion + where);
      }
    } else {
      long failedJobs = a.jobs().stream().filter(o -> o.job().failed()).count();
      line("\u274c " + head + " failed" + where + " (" + failedJobs + " of " + a.jobs().size() + " jobs failed)");
      List<RunAnalysis.Cause> causes = a.causes();
      for (RunAnalysis.Cause c : causes) {
        Diagnosis d = c.diagnosis();
        String jobs = c.jobs().size() == 1 ? "job " + c.jobs().get(0) : c.jobs().size() + " jobs: " + String.join(", ", c.jobs());
        sub("\ud83e\udd16 Root cause (" + jobs + "): " + d.summary());
        sub("\ud83d\udca1 Suggestion: " + firstLine(d.suggestion()));
      }
      for (String n : a.notes()) {
        sub("\ud83d\udd0e " + firstLine(n));
      }
      for (String p : a.problems()) {
        sub("\u26a0\ufe0f " + p);
      }
      sub("\ud83d\udcca Pattern stored");
    }
    out.flush();
  }

  @Override
  public synchronized void failed(String repo, String what, RuntimeException e) {
    line("\u26a0\ufe0f Could not process " + what + " of " + repo + ": " + message(e) + " It will be tried again.");
    out.flush();
  }

  @Override
  public synchronized void repoSkipped(String repo, CiException e) {
    line("\u26a0\ufe0f Skipping " + repo + " this cycle: " + e.getMessage());
    out.flush();
  }

  private void line(String s) {
    out.println("[" + LocalDateTime.now(clock).format(TIME) + "] " + s);
  }

  private void sub(String s) {
    out.println("  \u2514\u2500 " + s);
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static String message(RuntimeException e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName() + ".";
    }
    return m.endsWith(".") ? m : m + ".";
  }
}
