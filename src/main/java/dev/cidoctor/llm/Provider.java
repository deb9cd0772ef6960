package dev.cidoctor.llm;

/** The model vendors cidoctor can ask, and the defaults each uses when only a key or URL is given. */
public enum Provider {
  OPENAI("gpt-4o-mini"),
  ANTHROPIC("claude-3-5-haiku-latest"),
  OLLAMA("llama3.1");

  private final String defaultModel;

  Provider(String defaultModel) {
    this.defaultModel = defaultModel;
  }

  public String defaultModel() {
    return defaultModel;
  }
}
