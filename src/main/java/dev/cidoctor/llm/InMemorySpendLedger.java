package dev.cidoctor.llm;

import dev.cidoctor.model.AnalysisCost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Records spend in memory; the pattern store replaces it to keep the month's total. */
public final class InMemorySpendLedger implements SpendLedger {
  /** One recorded analysis. */
  public record Entry(String fingerprint, String model, AnalysisCost cost, Instant at) {}

  private final List<Entry> entries = new ArrayList<>();

  @Override
  public synchronized void record(String fingerprint, String model, AnalysisCost cost, Instant at) {
    entries.add(new Entry(fingerprint, model, cost, at));
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  public synchronized double totalDollars() {
    return entries.stream().mapToDouble(e -> e.cost().dollars()).sum();
  }
}
