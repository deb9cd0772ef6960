package dev.cidoctor.llm;

import java.util.List;

/** A chat model that answers one turn of a conversation, possibly by asking for tools to be run. */
public interface LanguageModel {

  /** Sends the conversation and the tools the model may ask for; throws {@link LlmException} on failure. */
  Reply reply(List<Message> messages, List<ToolSpec> tools);

  /** The configured model name, used for pricing and shown in reports. */
  String name();
}
