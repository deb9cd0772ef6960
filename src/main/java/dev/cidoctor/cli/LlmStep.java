package dev.cidoctor.cli;

import dev.cidoctor.config.ConfigException;
import dev.cidoctor.llm.FileAnswerCache;
import dev.cidoctor.llm.KnownFixes;
import dev.cidoctor.llm.LlmAnalysis;
import dev.cidoctor.llm.LlmException;
import dev.cidoctor.llm.LlmOutcome;
import dev.cidoctor.llm.LlmSettings;
import dev.cidoctor.llm.LogLines;
import dev.cidoctor.llm.Pricing;
import dev.cidoctor.llm.SpendLedger;
import dev.cidoctor.llm.langchain4j.LangChainModels;
import dev.cidoctor.logs.LogDocument;
import dev.cidoctor.logs.LogInputException;
import dev.cidoctor.logs.LogInputs;
import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.report.Reports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code --llm} part of {@code analyze}: asks the configured model about the failing job when the
 * mode says so, and keeps the rules' diagnosis when it cannot or should not. Kept apart from the
 * command so that with the LLM off no LLM class is loaded.
 */
final class LlmStep {
  /** When to ask the model: when the engine is unsure, every time, or never. */
  enum Mode { auto, always, off }

  /**
   * The diagnoses to report, and the model and cost when a model was asked (both null otherwise);
   * {@code cached} when the answer came from the answer cache; {@code asked} is the index in {@code jobs} of the job the model was asked about, -1 when none.
   */
  record Result(List<Diagnosis> jobs, String model, AnalysisCost cost, boolean cached, int asked) {
    /** What each job's analysis cost, in the order of {@code jobs}: the model's cost on the job it was asked about. */
    List<AnalysisCost> costs() {
      List<AnalysisCost> costs = new ArrayList<>();
      for (int i = 0; i < jobs.size(); i++) {
        costs.add(i == asked && cost != null ? cost : AnalysisCost.NONE);
      }
      return costs;
    }
  }

  private LlmStep() {}

  /**
   * Says whether {@link #apply} may ask a model, so that standard input is kept for a second reading
   * only then; throws {@link ConfigException} for bad settings before any input is read.
   */
  static boolean mayAsk(Mode mode, Map<String, String> config) {
    return mode != Mode.off && settings(config).isPresent();
  }

  private static Optional<LlmSettings> settings(Map<String, String> config) {
    try {
      return LlmSettings.from(config);
    } catch (LlmException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** Asks about a log file or run-logs zip named {@code input} (opened again when the model is asked). */
  static Result apply(Mode mode, Map<String, String> config, String input, List<Diagnosis> jobs, PrintWriter err) {
    return apply(mode, config, input, mode == Mode.off ? List.of() : LogInputs.open(input), jobs, err);
  }

  /**
   * Asks about {@code docs}, the documents {@code jobs} were read from; they must open again, so
   * standard input has to come from a {@link dev.cidoctor.logs.StdinSpool}.
   */
  static Result apply(Mode mode, Map<String, String> config, String input, List<LogDocument> docs, List<Diagnosis> jobs,
      PrintWriter err) {
    Result unchanged = new Result(jobs, null, null, false, -1);
    if (mode == Mode.off) {
      return unchanged;
    }
    Optional<LlmSettings> settings = settings(config);
    if (settings.isEmpty()) {
      if (mode == Mode.always) {
        throw new ConfigException("--llm always needs a model: set OPENAI_API_KEY (or OPENAI_BASE_URL), ANTHROPIC_API_KEY or OLLAMA_BASE_URL.");
      }
      return unchanged;
    }
    Diagnosis primary = Reports.primaryJob(jobs);
    if (mode == Mode.auto && !LlmAnalysis.unsure(primary)) {
      return unchanged;
    }
    LlmSettings s = settings.get();
    LogLines lines = read(input, docs, primary);
    LlmAnalysis analysis;
    try {
      analysis = new LlmAnalysis(LangChainModels.create(s), s, Pricing.load(s.prices()),
          new FileAnswerCache(s.cacheDir() == null ? defaultCache(config) : s.cacheDir()), KnownFixes.NONE, SpendLedger.NONE,
          Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    } catch (LlmException e) {
      throw new ConfigException(e.getMessage());
    }
    LlmOutcome out = analysis.explain(primary, lines, null);
    if (out.source() == LlmOutcome.Source.RULES) {
      err.println("cidoctor: the LLM's answer was not used (" + out.note() + "); showing the rules' diagnosis.");
    }
    List<Diagnosis> replaced = new ArrayList<>();
    int asked = -1;
    for (Diagnosis d : jobs) {
      asked = d == primary ? replaced.size() : asked;
      replaced.add(d == primary ? out.diagnosis() : d);
    }
    return new Result(replaced, out.model(), out.cost(), out.source() == LlmOutcome.Source.CACHE, asked);
  }

  private static LogLines read(String input, List<LogDocument> docs, Diagnosis primary) {
    String entry = primary.primary() == null ? null : primary.primary().entry();
    for (LogDocument doc : docs) {
      if (Objects.equals(doc.job(), primary.job()) && (entry == null || entry.equals(doc.entry()))) {
        try {
          return LogLines.read(doc);
        } catch (IOException e) {
          throw new LogInputException(input + " cannot be read: " + e.getMessage() + ".", e);
        }
      }
    }
    throw new LogInputException(input + " changed while it was analyzed: its failing job is gone.");
  }

  private static Path defaultCache(Map<String, String> config) {
    String xdg = config.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("cidoctor").resolve("answers");
  }
}
