package dev.cidoctor.report;

import dev.cidoctor.model.Commit;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Job;
import dev.cidoctor.model.JobOutcome;
import dev.cidoctor.model.RunAnalysis;
import dev.cidoctor.model.WorkflowRun;
import java.util.List;
import java.util.Locale;

/**
 * Renders the analysis of a whole workflow run: its jobs with their status, one diagnosis per distinct
 * cause (jobs failing the same way are collapsed), and the run's context. Text for a terminal, JSON
 * ({@code cidoctor.run/v1}, each diagnosis in the {@code cidoctor.diagnosis/v1} shape) and Markdown.
 */
public final class RunReport {
  public static final String SCHEMA = "cidoctor.run/v1";

  private RunReport() {}

  public static String text(RunAnalysis a, boolean colour, boolean verbose) {
    WorkflowRun r = a.run();
    StringBuilder sb = new StringBuilder();
    sb.append("Analyzing Workflow Run #").append(r.runNumber()).append(" of ").append(r.repo())
        .append(" (\"").append(r.workflowName()).append("\", id ").append(r.id()).append(", attempt ").append(r.attempt())
        .append(")\n");
    sb.append("Branch ").append(r.branch()).append(" at ").append(Commit.shortSha(r.headSha())).append(", ").append(r.event())
        .append(" by ").append(r.actor()).append(": ").append(r.conclusion() == null ? r.status() : r.conclusion()).append('\n');
    if (r.htmlUrl() != null) {
      sb.append(r.htmlUrl()).append('\n');
    }
    sb.append("\nJobs:\n");
    for (int i = 0; i < a.jobs().size(); i++) {
      Job j = a.jobs().get(i).job();
      sb.append(i == a.jobs().size() - 1 ? "  \u2514\u2500 " : "  \u251c\u2500 ").append(j.name())
          .append(" (").append(state(j)).append(")\n");
    }
    if (a.jobs().isEmpty()) {
      sb.append("  (none)\n");
    }
    sb.append('\n');
    List<RunAnalysis.Cause> causes = a.causes();
    if (causes.size() > 1) {
      sb.append(causes.size()).append(" distinct causes:\n\n");
    }
    TextReport report = new TextReport(colour, verbose);
    for (RunAnalysis.Cause c : causes) {
      if (c.jobs().size() > 1) {
        sb.append("Same cause in ").append(c.jobs().size()).append(" jobs: ").append(String.join(", ", c.jobs())).append("\n\n");
      }
      sb.append(report.render(List.of(c.diagnosis())).replaceFirst("(?s)^.*?\n\n", ""));
    }
    if (!a.notes().isEmpty()) {
      sb.append("Context:\n");
      for (String n : a.notes()) {
        sb.append("  - ").append(n.replace("\n", "\n    ")).append('\n');
      }
      sb.append('\n');
    }
    if (!a.problems().isEmpty()) {
      sb.append("Not analyzed:\n");
      for (String p : a.problems()) {
        sb.append("  - ").append(p).append('\n');
      }
      sb.append('\n');
    }
    double dollars = a.cost().dollars();
    sb.append(String.format(Locale.ROOT, dollars > 0 && dollars < 0.01 ? "Cost: $%.4f | Time: %.1fs%n" : "Cost: $%.2f | Time: %.1fs%n",
        dollars, a.cost().millis() / 1000.0));
    if (a.cost().inputTokens() > 0 || a.cost().outputTokens() > 0) {
      sb.append("Tokens: ").append(a.cost().inputTokens()).append(" in, ").append(a.cost().outputTokens()).append(" out\n");
    }
    return sb.toString();
  }

  public static String json(RunAnalysis a, boolean pretty) {
    WorkflowRun r = a.run();
    JsonWriter w = new JsonWriter(pretty);
    w.beginObject();
    w.name("schema").value(SCHEMA);
    run(w, r);
    w.name("jobs").beginArray();
    for (JobOutcome o : a.jobs()) {
      Job j = o.job();
      w.beginObject();
      w.name("id").value(j.id());
      w.name("name").value(j.name());
      w.name("status").value(j.status());
      w.name("conclusion").value(j.conclusion());
      w.name("url").value(j.htmlUrl());
      w.name("diagnosis");
      if (o.diagnosis() == null) {
        w.nullValue();
      } else {
        w.beginObject();
        JsonReport.fields(w, o.diagnosis());
        w.endObject();
      }
      w.endObject();
    }
    w.endArray();
    w.name("causes").beginArray();
    for (RunAnalysis.Cause c : a.causes()) {
      w.beginObject();
      w.name("fingerprint").value(c.diagnosis().fingerprint());
      w.name("summary").value(c.diagnosis().summary());
      w.name("jobs").beginArray();
      for (String j : c.jobs()) {
        w.value(j);
      }
      w.endArray();
      w.endObject();
    }
    w.endArray();
    w.name("lastSuccess");
    if (a.lastSuccess() == null) {
      w.nullValue();
    } else {
      w.beginObject();
      run(w, a.lastSuccess());
      w.endObject();
    }
    w.name("changes").beginArray();
    for (Commit c : a.changes()) {
      w.beginObject();
      w.name("sha").value(c.sha());
      w.name("author").value(c.author());
      w.name("message").value(c.headline());
      w.endObject();
    }
    w.endArray();
    w.name("notes").beginArray();
    for (String n : a.notes()) {
      w.value(n);
    }
    w.endArray();
    w.name("problems").beginArray();
    for (String p : a.problems()) {
      w.value(p);
    }
    w.endArray();
    w.name("cost").value(a.cost().dollars());
    w.name("millis").value(a.cost().millis());
    w.endObject();
    return w.toString();
  }

  private static void run(JsonWriter w, WorkflowRun r) {
    w.name("repo").value(r.repo());
    w.name("runId").value(r.id());
    w.name("attempt").value(r.attempt());
    w.name("runNumber").value(r.runNumber());
    w.name("workflow").value(r.workflowName());
    w.name("branch").value(r.branch());
    w.name("headSha").value(r.headSha());
    w.name("event").value(r.event());
    w.name("conclusion").value(r.conclusion());
    w.name("url").value(r.htmlUrl());
  }

  public static String markdown(RunAnalysis a) {
    WorkflowRun r = a.run();
    StringBuilder sb = new StringBuilder();
    sb.append("## ").append(MarkdownReport.escape(r.workflowName())).append(" #").append(r.runNumber()).append(" ")
        .append(r.conclusion() == null ? r.status() : r.conclusion()).append(" on `")
        .append(r.branch() == null ? "?" : r.branch().replace("`", "'")).append("` at `").append(Commit.shortSha(r.headSha())).append("`\n\n");
    if (r.htmlUrl() != null) {
      sb.append("[Run ").append(r.id()).append(" attempt ").append(r.attempt()).append("](").append(r.htmlUrl()).append(")\n\n");
    }
    for (RunAnalysis.Cause c : a.causes()) {
      if (c.jobs().size() > 1) {
        sb.append("Same cause in ").append(c.jobs().size()).append(" jobs: ")
            .append(MarkdownReport.escape(String.join(", ", c.jobs()))).append("\n\n");
      }
      sb.append(MarkdownReport.render(List.of(c.diagnosis())));
    }
    if (!a.notes().isEmpty() || !a.problems().isEmpty()) {
      sb.append("**Context**\n\n");
      for (String n : a.notes()) {
        sb.append("- ").append(MarkdownReport.escape(n.lines().findFirst().orElse(""))).append('\n');
      }
      for (String p : a.problems()) {
        sb.append("- ").append(MarkdownReport.escape(p)).append('\n');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String state(Job j) {
    if (!"completed".equals(j.status())) {
      return j.status() == null ? "UNKNOWN" : j.status().toUpperCase(Locale.ROOT);
    }
    return j.conclusion() == null ? "COMPLETED" : j.conclusion().toUpperCase(Locale.ROOT).replace("FAILURE", "FAILED");
  }

  /** The first diagnosis of a run, for callers that show one line. */
  public static Diagnosis lead(RunAnalysis a) {
    List<Diagnosis> ds = a.diagnoses();
    return ds.isEmpty() ? null : Reports.primaryJob(ds);
  }
}
