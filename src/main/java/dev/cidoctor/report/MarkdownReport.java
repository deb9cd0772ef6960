package dev.cidoctor.report;

import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.TestNames;
import java.util.List;
import java.util.Locale;

/** Renders a diagnosis as Markdown for pasting into an issue or a pull request. */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(List<Diagnosis> jobs) {
    StringBuilder sb = new StringBuilder();
    for (Diagnosis d : jobs) {
      if (jobs.size() > 1 && d.primary() == null && d != Reports.primaryJob(jobs)) {
        continue; // a job that did not fail, in a run where another did
      }
      sb.append("### ").append(d.job() == null ? "CI failure" : "CI failure in job `" + d.job() + "`")
          .append(": ").append(escape(d.summary())).append("\n\n");
      sb.append("| | |\n|---|---|\n");
      sb.append("| Category | ").append(d.category().wireName()).append(" |\n");
      sb.append("| Severity | ").append(d.severity().wireName().toUpperCase(Locale.ROOT)).append(" |\n");
      sb.append("| Transient | ").append(d.transientFailure() ? "yes" : "no").append(" |\n");
      if (d.failedStep() != null) {
        sb.append("| Failed step | `").append(d.failedStep().replace("`", "'").replace("|", "\\|")).append("` |\n");
      }
      java.util.List<String> tests = TestNames.shown(d.failedTests());
      if (!tests.isEmpty()) {
        sb.append("| Failed tests | ").append(escape(String.join(", ", tests.stream().limit(10).toList())))
            .append(tests.size() > 10 ? ", ..." : "").append(" |\n");
      }
      sb.append("| Rule | ").append(d.ruleId() == null ? "none" : "`" + d.ruleId() + "`").append(" |\n");
      sb.append("| Fingerprint | `").append(d.fingerprint()).append("` |\n\n");
      sb.append("**Suggested fix**\n\n").append(d.suggestion()).append("\n\n");
      if (!d.evidence().isEmpty()) {
        sb.append("<details><summary>Evidence (").append(d.evidence().size()).append(" lines of ").append(d.input())
            .append(")</summary>\n\n```text\n");
        for (Evidence e : d.evidence()) {
          sb.append(e.entry() == null ? "" : e.entry() + ":").append(e.line()).append(": ")
              .append(e.text().replace("```", "'''")).append('\n');
        }
        sb.append("```\n\n</details>\n\n");
      }
    }
    return sb.toString();
  }

  static String escape(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
