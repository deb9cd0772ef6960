package dev.cidoctor.llm;

import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.model.Diagnosis;

/**
 * What an LLM analysis produced: the diagnosis to report, the model asked (null when none was), what
 * it cost, where the answer came from, and why the rules' answer was kept when it was.
 */
public record LlmOutcome(Diagnosis diagnosis, String model, AnalysisCost cost, Source source, String note) {

  /** Where the reported diagnosis came from. */
  public enum Source {
    /** The model's validated answer. */
    MODEL,
    /** A validated answer cached for this fingerprint; nothing was spent. */
    CACHE,
    /** The rule engine's answer, because the model failed, ran out of budget or was not believed. */
    RULES
  }
}
