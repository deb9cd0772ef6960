package dev.cidoctor.report;

import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.ReasoningStep;
import dev.cidoctor.model.TestNames;
import java.util.List;
import java.util.Locale;

/** Renders a diagnosis for a terminal, in the shape of the product brief's examples. */
public final class TextReport {
  private final boolean colour;
  private final boolean verbose;

  public TextReport(boolean colour, boolean verbose) {
    this.colour = colour;
    this.verbose = verbose;
  }

  /** As {@link #render(List)}, then the model asked and "Cost: $0.08 | Time: 4.2s" as in the product brief. */
  public String render(List<Diagnosis> jobs, String model, AnalysisCost cost) {
    return render(jobs, model, cost, false);
  }

  /** As {@link #render(List, String, AnalysisCost)}; {@code cached} says the answer came from the cache, at no cost. */
  public String render(List<Diagnosis> jobs, String model, AnalysisCost cost, boolean cached) {
    StringBuilder sb = new StringBuilder(render(jobs));
    if (model != null && cost != null) {
      sb.append("Model: ").append(model).append(" | Tokens: ").append(cost.inputTokens()).append(" in, ")
          .append(cost.outputTokens()).append(" out\n");
      // cents as in the brief, but a cheap model's fraction of a cent is shown rather than rounded to $0.00
      String dollars = cost.dollars() > 0 && cost.dollars() < 0.01 ? "%.4f" : "%.2f";
      sb.append(String.format(Locale.ROOT, "Cost: $" + dollars + "%s | Time: %.1fs\n", cost.dollars(),
          cached ? " (cached answer, no cost)" : "", cost.millis() / 1000.0));
    }
    return sb.toString();
  }

  public String render(List<Diagnosis> jobs) {
    StringBuilder sb = new StringBuilder();
    Diagnosis first = jobs.get(0);
    sb.append(bold("Analyzing " + first.input())).append("\n\n");
    if (jobs.size() > 1 || first.job() != null) {
      sb.append("Jobs:\n");
      for (int i = 0; i < jobs.size(); i++) {
        Diagnosis d = jobs.get(i);
        String state = d.primary() == null ? "no failure found" : "FAILED: " + d.category().wireName();
        sb.append(i == jobs.size() - 1 ? "  \u2514\u2500 " : "  \u251c\u2500 ").append(d.job()).append(" (").append(state).append(")\n");
      }
      sb.append('\n');
    }
    for (Diagnosis d : jobs) {
      if (jobs.size() > 1 && d.primary() == null && d != Reports.primaryJob(jobs)) {
        continue; // a job that did not fail, in a run where another did
      }
      render(sb, d);
    }
    return sb.toString();
  }

  private void render(StringBuilder sb, Diagnosis d) {
    if (d.job() != null) {
      sb.append(bold("Job: " + d.job())).append('\n');
    }
    if (verbose) {
      sb.append(bold("Reasoning:")).append("\n\n");
      int i = 1;
      for (ReasoningStep s : d.trace()) {
        sb.append(i++).append(". Thought: ").append(s.thought()).append('\n');
        sb.append("   Action: ").append(s.action()).append('\n');
        sb.append("   Observation: ").append(s.observation().stripTrailing().replace("\n", "\n                ")).append("\n\n");
      }
      sb.append(i).append(". Thought: Root cause found.\n   Answer: ").append(d.summary()).append("\n\n");
    }
    sb.append(colour("1;31", "Root Cause:")).append('\n');
    sb.append("  ").append(d.summary()).append("\n\n");
    if (d.failedStep() != null) {
      sb.append("Failed step: ").append(d.failedStep()).append('\n');
    }
    List<String> tests = TestNames.shown(d.failedTests());
    if (!tests.isEmpty()) {
      sb.append("Failed tests (").append(tests.size()).append("): ");
      sb.append(String.join(", ", tests.stream().limit(10).toList()));
      if (tests.size() > 10) {
        sb.append(", ...");
      }
      sb.append('\n');
    }
    if (d.failedStep() != null || !d.failedTests().isEmpty()) {
      sb.append('\n');
    }
    sb.append(colour("1;32", "Suggested Fix:")).append('\n');
    for (String line : d.suggestion().split("\n", -1)) {
      sb.append(line.isEmpty() ? "" : "  " + line).append('\n');
    }
    sb.append('\n');
    if (!d.evidence().isEmpty()) {
      sb.append(colour("1;33", "Evidence:")).append('\n');
      int width = String.valueOf(d.evidence().stream().mapToLong(Evidence::line).max().orElse(1)).length();
      boolean firstLine = true;
      for (Evidence e : d.evidence()) {
        String num = String.format(Locale.ROOT, "%" + width + "d", e.line());
        String prefix = firstLine ? "> " : "  ";
        sb.append("  ").append(prefix).append("Line ").append(num).append(": ");
        sb.append(firstLine ? colour("1", e.text()) : e.text()).append('\n');
        firstLine = false;
      }
      sb.append('\n');
    }
    sb.append("Severity: ").append(d.severity().wireName().toUpperCase(Locale.ROOT));
    sb.append(" | Category: ").append(d.category().wireName());
    sb.append(" | Transient: ").append(d.transientFailure() ? "yes (a rerun may pass)" : "no");
    sb.append('\n');
    sb.append("Rule: ").append(d.ruleId() == null ? "none (generic analysis)" : d.ruleId());
    sb.append(" | Confidence: ").append(String.format(Locale.ROOT, "%.2f", d.confidence()));
    sb.append(" | Fingerprint: ").append(d.fingerprint()).append("\n\n");
  }

  private String bold(String s) {
    return colour("1", s);
  }

  private String colour(String code, String s) {
    return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}
