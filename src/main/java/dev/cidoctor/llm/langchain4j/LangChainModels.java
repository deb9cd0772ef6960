package dev.cidoctor.llm.langchain4j;

import dev.cidoctor.llm.LanguageModel;
import dev.cidoctor.llm.LlmSettings;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds the configured provider's LangChain4j chat model behind the {@link LanguageModel} port. The
 * clients' own retries are off: the loop retries rate limits and timeouts itself, so it can count
 * and report them.
 */
public final class LangChainModels {
  /** Output tokens one turn may use; an answer with evidence fits in far less. */
  static final int MAX_OUTPUT_TOKENS = 2048;

  private LangChainModels() {}

  /**
   * Returns the configured model; the LangChain4j client is built on the first question, so an
   * answer served from the cache never loads the library.
   */
  public static LanguageModel create(LlmSettings s) {
    return new LazyModel(s);
  }

  static LanguageModel build(LlmSettings s) {
    ChatModel chat = switch (s.provider()) {
      case OPENAI -> {
        var b = OpenAiChatModel.builder().modelName(s.model()).apiKey(s.apiKey() == null ? "none" : s.apiKey())
            .timeout(s.timeout()).maxRetries(0).maxTokens(MAX_OUTPUT_TOKENS).temperature(0.0);
        if (s.baseUrl() != null) {
          b.baseUrl(s.baseUrl());
        }
        yield b.build();
      }
      case ANTHROPIC -> {
        var b = AnthropicChatModel.builder().modelName(s.model()).apiKey(s.apiKey())
            .timeout(s.timeout()).maxRetries(0).maxTokens(MAX_OUTPUT_TOKENS).temperature(0.0);
        if (s.baseUrl() != null) {
          b.baseUrl(s.baseUrl());
        }
        yield b.build();
      }
      case OLLAMA -> OllamaChatModel.builder().baseUrl(s.baseUrl()).modelName(s.model())
          .timeout(s.timeout()).maxRetries(0).temperature(0.0).build();
    };
    return new LangChainModel(chat, s.provider().name().toLowerCase(java.util.Locale.ROOT), s.model());
  }
}
