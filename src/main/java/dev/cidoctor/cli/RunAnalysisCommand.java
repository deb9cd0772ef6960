package dev.cidoctor.cli;

import dev.cidoctor.api.CicdMonitor;
import dev.cidoctor.config.Config;
import dev.cidoctor.config.ConfigException;
import dev.cidoctor.model.RunAnalysis;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.monitor.MonitorSettings;
import dev.cidoctor.report.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code analyze --run-id N} path: fetches a GitHub Actions run and diagnoses its failed jobs. */
final class RunAnalysisCommand {
  private RunAnalysisCommand() {}

  static int analyze(CommandSpec spec, Config config, String repo, long runId, Integer attempt, Format format,
      boolean verbose, boolean terminal, List<Path> extraRules) {
    if (runId <= 0) {
      throw new UsageException("--run-id must be a positive run id, not " + runId + ".");
    }
    if (attempt != null && attempt < 1) {
      throw new UsageException("--attempt must be 1 or more, not " + attempt + ".");
    }
    if (format == Format.jsonl) {
      throw new UsageException("--format jsonl is for many log files; use json with --run-id.");
    }
    Map<String, String> values = new HashMap<>(config.values());
    if (repo != null) {
      values.put("GITHUB_REPO", repo);
    }
    List<Path> rules = new ArrayList<>(config.rulePaths());
    rules.addAll(extraRules);
    Config effective = new Config(rules, values);
    MonitorSettings settings = MonitorSettings.from(effective, false);
    if (settings.repos().size() != 1) {
      throw new ConfigException(settings.repos().isEmpty()
          ? "Name the run's repository with --repo OWNER/NAME (or set GITHUB_REPO)."
          : "GITHUB_REPO names several repositories; say which one with --repo OWNER/NAME.");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (CicdMonitor d = CicdMonitor.fromConfig(effective, null, false)) {
      WorkflowRun run = d.ci().run(settings.repos().get(0), runId, attempt);
      if (!run.completed()) {
        out.println("Run #" + run.runNumber() + " of " + run.repo() + " is still " + run.status()
            + "; its logs will be available when it completes.");
        out.flush();
        return ExitCode.OK;
      }
      RunAnalysis a = d.analyze(run).analysis();
      switch (format) {
        case json -> out.println(RunReport.json(a, true));
        case markdown -> out.print(RunReport.markdown(a));
        default -> out.print(RunReport.text(a, terminal, verbose));
      }
      out.flush();
      return ExitCode.OK;
    }
  }
}
