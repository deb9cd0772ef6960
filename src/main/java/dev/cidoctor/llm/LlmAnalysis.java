package dev.cidoctor.llm;

import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.model.Diagnosis;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Explains a failure with a language model, starting from the rule engine's diagnosis: answers come
 * from the cache when the fingerprint was explained before, otherwise from a ReAct investigation
 * whose validated answer is cached and whose spend is recorded. Thread-safe when its ports are.
 */
public final class LlmAnalysis {
  /** Confidence under which the engine counts as unsure in {@code --llm auto}. */
  public static final double UNSURE_BELOW = 0.6;

  /** Waits between retries; tests pass one that does not wait. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final LanguageModel model;
  private final LlmSettings settings;
  private final Pricing pricing;
  private final AnswerCache cache;
  private final KnownFixes fixes;
  private final SpendLedger spend;
  private final Clock clock;
  private final Sleeper sleeper;

  public LlmAnalysis(LanguageModel model, LlmSettings settings, Pricing pricing, AnswerCache cache, KnownFixes fixes,
      SpendLedger spend, Clock clock, Sleeper sleeper) {
    this.model = model;
    this.settings = settings;
    this.pricing = pricing;
    this.cache = cache;
    this.fixes = fixes;
    this.spend = spend;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Says whether the engine is unsure about a failure it found: it fell back to generic analysis or
   * its confidence is low. A log where it found no failure at all (a job that succeeded) is not
   * worth a model's time in auto mode; {@code --llm always} still asks.
   */
  public static boolean unsure(Diagnosis d) {
    return d.primary() != null && (d.ruleId() == null || d.confidence() < UNSURE_BELOW);
  }

  /** Explains the failure {@code rules} describes in {@code log}; {@code run} is null for a plain log file. */
  public LlmOutcome explain(Diagnosis rules, LogLines log, RunContext run) {
    var hit = cache.get(rules.fingerprint());
    if (hit.isPresent()) {
      return new LlmOutcome(fromCache(rules, hit.get()), hit.get().model(), AnalysisCost.NONE, LlmOutcome.Source.CACHE, null);
    }
    LlmOutcome out = new ReactLoop(model, settings, pricing, sleeper).run(rules, log, new Toolbox(log, rules, run, fixes));
    if (out.cost().inputTokens() + out.cost().outputTokens() > 0) {
      spend.record(rules.fingerprint(), out.model(), out.cost(), clock.instant());
    }
    if (out.source() == LlmOutcome.Source.MODEL) {
      cache.put(rules.fingerprint(), new AnswerCache.CachedAnswer(out.diagnosis(), out.model()));
    }
    return out;
  }

  /**
   * A cached answer's explanation applied to this log: line numbers differ between runs of the same
   * failure, so the evidence is this log's, as the rules found it.
   */
  private static Diagnosis fromCache(Diagnosis rules, AnswerCache.CachedAnswer hit) {
    Diagnosis c = hit.diagnosis();
    List<dev.cidoctor.model.ReasoningStep> trace = new ArrayList<>(rules.trace());
    trace.add(new dev.cidoctor.model.ReasoningStep("This failure was explained before.", "answer cache",
        "cached answer of " + hit.model() + " for " + rules.fingerprint()));
    return new Diagnosis(rules.input(), rules.job(), c.category(), c.severity(), c.transientFailure(), c.summary(),
        c.suggestion(), rules.ruleId(), c.confidence(), rules.evidence(), rules.failedStep(), rules.failedTests(),
        rules.fingerprint(), trace);
  }
}
