package dev.cidoctor.model;

/**
 * What one analysis cost: the LLM spend in US dollars and tokens (zero for the rule engine alone) and
 * the wall time it took.
 */
public record AnalysisCost(double dollars, long inputTokens, long outputTokens, long millis) {
  public static final AnalysisCost NONE = new AnalysisCost(0, 0, 0, 0);

  public AnalysisCost {
    if (dollars < 0 || inputTokens < 0 || outputTokens < 0 || millis < 0) {
      throw new IllegalArgumentException("costs cannot be negative: " + dollars + ", " + inputTokens + ", " + outputTokens + ", " + millis);
    }
  }

  public AnalysisCost plus(AnalysisCost o) {
    return new AnalysisCost(dollars + o.dollars, inputTokens + o.inputTokens, outputTokens + o.outputTokens, millis + o.millis);
  }
}
