package dev.cidoctor.llm.langchain4j;

import dev.cidoctor.llm.LanguageModel;
import dev.cidoctor.llm.LlmSettings;
import dev.cidoctor.llm.Message;
import dev.cidoctor.llm.Reply;
import dev.cidoctor.llm.ToolSpec;
import java.util.List;

/** Builds the LangChain4j client on first use; names no LangChain4j type, so loading it loads none. */
final class LazyModel implements LanguageModel {
  private final LlmSettings settings;
  private volatile LanguageModel delegate;

  LazyModel(LlmSettings settings) {
    this.settings = settings;
  }

  @Override
  public Reply reply(List<Message> messages, List<ToolSpec> tools) {
    LanguageModel d = delegate;
    if (d == null) {
      synchronized (this) {
        if (delegate == null) {
          delegate = LangChainModels.build(settings);
        }
        d = delegate;
      }
    }
    return d.reply(messages, tools);
  }

  @Override
  public String name() {
    return settings.model();
  }
}
