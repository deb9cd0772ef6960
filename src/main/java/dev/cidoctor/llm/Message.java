package dev.cidoctor.llm;

import java.util.List;

/** One message of a conversation with a model, in the provider-neutral shape the loop works with. */
public sealed interface Message {

  /** The instructions; never carries log text. */
  record System(String text) implements Message {}

  /** What the user (cidoctor) says; log text in it is fenced as data. */
  record User(String text) implements Message {}

  /** What the model said: its text (a thought or the answer) and the tools it asked to run. */
  record Assistant(String text, List<ToolCall> calls) implements Message {
    public Assistant {
      calls = List.copyOf(calls);
    }
  }

  /** The observation for one tool call. */
  record ToolResult(ToolCall call, String text) implements Message {}
}
