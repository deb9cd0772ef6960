package dev.cidoctor.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {
  @Test
  void from_nothingConfigured_isOff() {
    assertThat(LlmSettings.from(Map.of("PATH", "/usr/bin"))).isEmpty();
  }

  @Test
  void from_openAiKey_usesOpenAiWithDefaults() {
    LlmSettings s = LlmSettings.from(Map.of("OPENAI_API_KEY", "sk-secret-value-123")).orElseThrow();
    assertThat(s.provider()).isEqualTo(Provider.OPENAI);
    assertThat(s.model()).isEqualTo("gpt-4o-mini");
    assertThat(s.maxSteps()).isEqualTo(8);
    assertThat(s.react()).isTrue();
    assertThat(s.maxLogLength()).isEqualTo(LlmSettings.DEFAULT_MAX_LOG_LENGTH);
  }

  @Test
  void from_ollamaUrlAndModel_usesOllama() {
    LlmSettings s = LlmSettings.from(Map.of("OLLAMA_BASE_URL", "http://gpu:11434", "OLLAMA_MODEL", "qwen2.5-coder")).orElseThrow();
    assertThat(s.provider()).isEqualTo(Provider.OLLAMA);
    assertThat(s.baseUrl()).isEqualTo("http://gpu:11434");
    assertThat(s.model()).isEqualTo("qwen2.5-coder");
  }

  @Test
  void from_providerChosenAmongSeveral_usesTheChosenOne() {
    LlmSettings s = LlmSettings.from(Map.of("OPENAI_API_KEY", "a", "ANTHROPIC_API_KEY", "b", "LLM_PROVIDER", "anthropic",
        "ANTHROPIC_MODEL", "claude-sonnet-4-20250514", "ENABLE_REACT", "false")).orElseThrow();
    assertThat(s.provider()).isEqualTo(Provider.ANTHROPIC);
    assertThat(s.apiKey()).isEqualTo("b");
    assertThat(s.react()).isFalse();
  }

  @Test
  void from_badValues_sayWhichKeyAndWhatIsExpected() {
    assertThatThrownBy(() -> LlmSettings.from(Map.of("OPENAI_API_KEY", "k", "MAX_REASONING_STEPS", "lots")))
        .hasMessage("MAX_REASONING_STEPS is 'lots'; expected a whole number from 1 to 50.");
    assertThatThrownBy(() -> LlmSettings.from(Map.of("OPENAI_API_KEY", "k", "LLM_MAX_COST", "-1")))
        .hasMessage("LLM_MAX_COST is '-1'; expected US dollars from 0 to 1000, e.g. 0.25.");
    assertThatThrownBy(() -> LlmSettings.from(Map.of("LLM_PROVIDER", "gemini")))
        .hasMessage("LLM_PROVIDER is 'gemini'; expected openai, anthropic or ollama.");
    assertThatThrownBy(() -> LlmSettings.from(Map.of("LLM_PROVIDER", "anthropic")))
        .hasMessage("LLM_PROVIDER is anthropic but ANTHROPIC_API_KEY is not set.");
  }

  @Test
  void toString_neverShowsTheKey() {
    LlmSettings s = LlmSettings.from(Map.of("OPENAI_API_KEY", "sk-secret-value-123")).orElseThrow();
    assertThat(s.toString()).doesNotContain("sk-secret-value-123").contains("key set");
  }
}
