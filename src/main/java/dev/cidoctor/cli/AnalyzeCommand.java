package dev.cidoctor.cli;

import dev.cidoctor.analysis.Analyzer;
import dev.cidoctor.config.Config;
import dev.cidoctor.logs.LogDocument;
import dev.cidoctor.logs.LogInputException;
import dev.cidoctor.logs.LogInputs;
import dev.cidoctor.logs.StdinSpool;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.report.JsonReport;
import dev.cidoctor.report.MarkdownReport;
import dev.cidoctor.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cidoctor analyze LOG...}: diagnoses failed CI logs offline. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = {"Explains why a CI log failed: root cause, fix, severity and evidence lines.",
        "LOG is a job log (GitHub Actions, GitLab, Travis, Jenkins, plain), a GitHub run-logs zip, or - for standard input."},
    footer = {"", ExitCode.HELP})
final class AnalyzeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "LOG", arity = "0..*", description = "Log files, run-logs zips, or - for standard input.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--run-id", paramLabel = "N", description = "Analyze GitHub Actions run N instead of log files (needs GITHUB_TOKEN for private repos).")
  Long runId;

  @Option(names = "--repo", paramLabel = "OWNER/NAME", description = "The run's repository (default: GITHUB_REPO when it names one).")
  String repo;

  @Option(names = "--attempt", paramLabel = "K", description = "The run attempt (default: the latest).")
  Integer attempt;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json, jsonl (one object per input per line) or markdown.")
  Format format = Format.text;

  @Option(names = {"-v", "--verbose"}, description = "Show the reasoning trace (Thought / Action / Observation).")
  boolean verbose;

  @Option(names = "--rules", paramLabel = "PATH", description = "Extra rule file or folder of *.yaml rules (repeatable); adds to CIDOCTOR_RULES.")
  List<Path> rules = new ArrayList<>();

  @Option(names = "--no-builtin-rules", description = "Leave out the built-in knowledge base: use only CIDOCTOR_RULES and --rules, or the generic engine alone.")
  boolean noBuiltinRules;

  @Option(names = "--history", negatable = true, description = "Record the diagnosis in the pattern store and show what it remembers "
      + "(default: LEARN_FROM_HISTORY, true).")
  Boolean history;

  @Option(names = "--db", paramLabel = "FILE", description = "Pattern store file (default: DATABASE_URL, else PATTERN_DB_PATH or ./data/patterns.db).")
  Path db;

  @Option(names = "--llm", paramLabel = "WHEN", description = "auto (default: ask the configured model when the rules are unsure), always or off.")
  LlmStep.Mode llm = LlmStep.Mode.auto;

  boolean terminal;

  @Override
  public Integer call() {
    if (runId != null) {
      if (!inputs.isEmpty()) {
        throw new UsageException("Give either LOG files or --run-id, not both.");
      }
      return RunAnalysisCommand.analyze(spec, Main.config(), repo, runId, attempt, format, verbose, terminal, rules);
    }
    if (repo != null || attempt != null) {
      throw new UsageException("--repo and --attempt go with --run-id.");
    }
    if (inputs.isEmpty()) {
      throw new UsageException("Missing LOG: give a log file, a run-logs zip, - for standard input, or --run-id N.");
    }
    if (inputs.size() > 1 && format != Format.jsonl) {
      throw new UsageException("Several inputs need --format jsonl (one JSON object per line).");
    }
    Config config = Main.config();
    List<Path> all = new ArrayList<>(config.rulePaths());
    all.addAll(rules);
    Analyzer analyzer = Analyzer.withRules(all, !noBuiltinRules);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (format == Format.jsonl) {
      return jsonl(config, analyzer, out, err);
    }
    LlmStep.Result r;
    try (Opened in = open(inputs.get(0), config)) {
      r = LlmStep.apply(llm, config.values(), inputs.get(0), in.docs(), analyzeAll(analyzer, inputs.get(0), in.docs()), err);
    }
    List<Diagnosis> jobs = r.jobs();
    boolean learn = AnalyzeHistory.enabled(config, history);
    List<String> remembered = List.of();
    dev.cidoctor.store.StoreException storeFailure = null;
    try {
      remembered = learn ? AnalyzeHistory.recordAndRecall(config, db, inputs.get(0), jobs, r.costs(), java.time.Instant.now()) : List.of();
    } catch (dev.cidoctor.store.StoreException e) {
      storeFailure = e; // the diagnosis is still worth printing
    }
    switch (format) {
      case json -> out.println(JsonReport.render(jobs, true, r.model(), r.cost(), r.cached()));
      case markdown -> out.print(MarkdownReport.render(jobs));
      default -> {
        out.print(new TextReport(terminal, verbose).render(jobs, r.model(), r.cost(), r.cached()));
        remembered.forEach(out::println);
        out.print(remembered.isEmpty() ? "" : "\n");
      }
    }
    if (storeFailure != null) {
      throw storeFailure;
    }
    return ExitCode.OK;
  }

  /**
   * One JSON line per input, each recorded in the pattern store like a single {@code analyze} when
   * history is on. After a store failure the remaining inputs are still analyzed, but not recorded,
   * and the failure ends the command once every line is out.
   */
  private int jsonl(Config config, Analyzer analyzer, PrintWriter out, PrintWriter err) {
    boolean learn = AnalyzeHistory.enabled(config, history);
    dev.cidoctor.store.StoreException storeFailure = null;
    int worst = ExitCode.OK;
    for (String input : inputs) {
      try (Opened in = open(input, config)) {
        LlmStep.Result r = LlmStep.apply(llm, config.values(), input, in.docs(), analyzeAll(analyzer, input, in.docs()), err);
        out.println(JsonReport.render(r.jobs(), false, r.model(), r.cost(), r.cached()));
        if (learn && storeFailure == null) {
          AnalyzeHistory.record(config, db, input, r.jobs(), r.costs(), java.time.Instant.now());
        }
      } catch (LogInputException e) {
        err.println("cidoctor: " + e.getMessage());
        worst = ExitCode.INPUT;
      } catch (dev.cidoctor.store.StoreException e) {
        storeFailure = e;
      }
      out.flush();
    }
    if (storeFailure != null) {
      throw storeFailure;
    }
    return worst;
  }

  /** The documents of one input, and the spooled copy of standard input to delete when done (else null). */
  private record Opened(List<LogDocument> docs, StdinSpool spool) implements AutoCloseable {
    @Override
    public void close() {
      if (spool != null) {
        spool.close();
      }
    }
  }

  /**
   * Opens {@code input}; standard input is spooled to a temporary file when a model may be asked,
   * because the model's tools read the log again after the rule engine has consumed the stream.
   */
  private Opened open(String input, Config config) {
    if (input.equals("-") && LlmStep.mayAsk(llm, config.values())) {
      StdinSpool spool = StdinSpool.of(System.in);
      return new Opened(spool.documents(), spool);
    }
    return new Opened(LogInputs.open(input), null);
  }

  static List<Diagnosis> analyzeAll(Analyzer analyzer, String input) {
    return analyzeAll(analyzer, input, LogInputs.open(input));
  }

  static List<Diagnosis> analyzeAll(Analyzer analyzer, String input, List<LogDocument> docs) {
    List<Diagnosis> out = new ArrayList<>();
    for (LogDocument doc : docs) {
      try {
        out.add(analyzer.analyze(doc));
      } catch (IOException e) {
        throw new LogInputException(input + (doc.entry() == null ? "" : " (" + doc.entry() + ")") + " cannot be read: "
            + e.getMessage() + ".", e);
      } catch (UncheckedIOException e) {
        throw new LogInputException(input + " cannot be read: " + e.getCause().getMessage() + ".", e);
      }
    }
    return out;
  }
}
