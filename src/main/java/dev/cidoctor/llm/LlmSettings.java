package dev.cidoctor.llm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads which model to ask and the limits of one analysis from configuration keys. Plain Java on
 * purpose: the analyze command reads it on every run, and it must not load any LLM library.
 *
 * <p>Keys: OPENAI_API_KEY, OPENAI_MODEL, OPENAI_BASE_URL; ANTHROPIC_API_KEY, ANTHROPIC_MODEL,
 * ANTHROPIC_BASE_URL; OLLAMA_BASE_URL, OLLAMA_MODEL; LLM_PROVIDER (openai, anthropic or ollama, when
 * several are set); MAX_REASONING_STEPS; LLM_MAX_TOKENS; LLM_MAX_COST (US dollars); ENABLE_REACT;
 * MAX_LOG_LENGTH (characters of log context sent); LLM_TIMEOUT_SECONDS; LLM_RETRIES; LLM_PRICES (a
 * price file); LLM_CACHE_DIR (where answers are cached).
 */
public record LlmSettings(
    Provider provider,
    String model,
    String apiKey,
    String baseUrl,
    int maxSteps,
    long maxTokens,
    double maxDollars,
    boolean react,
    int maxLogLength,
    Duration timeout,
    int retries,
    Path prices,
    Path cacheDir) {

  public static final int DEFAULT_MAX_LOG_LENGTH = 12_000;

  /** Returns the settings, or empty when no model is configured (the LLM is then off). */
  public static Optional<LlmSettings> from(Map<String, String> v) {
    String openAiKey = blankToNull(v.get("OPENAI_API_KEY"));
    String openAiUrl = blankToNull(v.get("OPENAI_BASE_URL"));
    String anthropicKey = blankToNull(v.get("ANTHROPIC_API_KEY"));
    String ollamaUrl = blankToNull(v.get("OLLAMA_BASE_URL"));
    String chosen = blankToNull(v.get("LLM_PROVIDER"));
    Provider p;
    if (chosen != null) {
      try {
        p = Provider.valueOf(chosen.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new LlmException(LlmException.Kind.CONFIG, "LLM_PROVIDER is '" + chosen + "'; expected openai, anthropic or ollama.");
      }
    } else if (openAiKey != null || openAiUrl != null) {
      p = Provider.OPENAI;
    } else if (anthropicKey != null) {
      p = Provider.ANTHROPIC;
    } else if (ollamaUrl != null) {
      p = Provider.OLLAMA;
    } else {
      return Optional.empty();
    }
    String model;
    String key;
    String url;
    switch (p) {
      case OPENAI -> {
        model = blankToNull(v.get("OPENAI_MODEL"));
        key = openAiKey;
        url = openAiUrl;
        if (key == null && url == null) {
          throw new LlmException(LlmException.Kind.CONFIG, "LLM_PROVIDER is openai but OPENAI_API_KEY is not set.");
        }
      }
      case ANTHROPIC -> {
        model = blankToNull(v.get("ANTHROPIC_MODEL"));
        key = anthropicKey;
        url = blankToNull(v.get("ANTHROPIC_BASE_URL"));
        if (key == null) {
          throw new LlmException(LlmException.Kind.CONFIG, "LLM_PROVIDER is anthropic but ANTHROPIC_API_KEY is not set.");
        }
      }
      default -> {
        model = blankToNull(v.get("OLLAMA_MODEL"));
        key = null;
        url = ollamaUrl == null ? "http://localhost:11434" : ollamaUrl;
      }
    }
    String prices = blankToNull(v.get("LLM_PRICES"));
    String cache = blankToNull(v.get("LLM_CACHE_DIR"));
    return Optional.of(new LlmSettings(p, model == null ? p.defaultModel() : model, key, url,
        integer(v, "MAX_REASONING_STEPS", 8, 1, 50),
        integer(v, "LLM_MAX_TOKENS", 60_000, 1_000, 10_000_000),
        decimal(v, "LLM_MAX_COST", 0.25),
        !"false".equalsIgnoreCase(strip(v.get("ENABLE_REACT"))),
        integer(v, "MAX_LOG_LENGTH", DEFAULT_MAX_LOG_LENGTH, 1_000, 1_000_000),
        Duration.ofSeconds(integer(v, "LLM_TIMEOUT_SECONDS", 60, 1, 3600)),
        integer(v, "LLM_RETRIES", 2, 0, 10),
        prices == null ? null : Path.of(prices),
        cache == null ? null : Path.of(cache)));
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "LlmSettings[" + provider + ", " + model + ", " + (baseUrl == null ? "default endpoint" : baseUrl)
        + ", key " + (apiKey == null ? "absent" : "set") + ", steps " + maxSteps + ", tokens " + maxTokens
        + ", $" + maxDollars + ", react " + react + "]";
  }

  private static int integer(Map<String, String> v, String key, int dflt, int min, int max) {
    String s = strip(v.get(key));
    if (s == null || s.isEmpty()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(s);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new LlmException(LlmException.Kind.CONFIG, key + " is '" + s + "'; expected a whole number from " + min + " to " + max + ".");
  }

  private static double decimal(Map<String, String> v, String key, double dflt) {
    String s = strip(v.get(key));
    if (s == null || s.isEmpty()) {
      return dflt;
    }
    try {
      double d = Double.parseDouble(s);
      if (d >= 0 && d <= 1000) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new LlmException(LlmException.Kind.CONFIG, key + " is '" + s + "'; expected US dollars from 0 to 1000, e.g. 0.25.");
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
