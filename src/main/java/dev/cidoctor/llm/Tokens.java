package dev.cidoctor.llm;

/**
 * Estimates tokens where a provider reports none: one token per four characters, OpenAI's published
 * rule of thumb for English text. Logs hold more symbols and numbers than prose, so this undercounts
 * them somewhat; it is used only when the provider's own count is missing, and for the benchmark.
 */
public final class Tokens {
  private Tokens() {}

  public static long estimate(CharSequence text) {
    return text == null ? 0 : (text.length() + 3) / 4;
  }
}
