package dev.cidoctor.llm;

import dev.cidoctor.model.AnalysisCost;
import java.time.Instant;

/** Records what each LLM analysis cost (the pattern store keeps it for the month's total). */
public interface SpendLedger {
  SpendLedger NONE = (fingerprint, model, cost, at) -> {};

  void record(String fingerprint, String model, AnalysisCost cost, Instant at);
}
