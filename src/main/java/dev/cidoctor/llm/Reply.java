package dev.cidoctor.llm;

import java.util.List;

/**
 * One answer of a model: its text, the tools it asked for, the model that answered and the tokens
 * the provider reported ({@code usageReported} false when the provider said nothing and they are estimates).
 */
public record Reply(String text, List<ToolCall> calls, String model, long inputTokens, long outputTokens, boolean usageReported) {
  public Reply {
    text = text == null ? "" : text;
    calls = List.copyOf(calls);
  }
}
