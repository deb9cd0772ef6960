package dev.cidoctor.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Prices tokens per model from a table of US dollars per million input and output tokens: the
 * built-in {@code prices.properties}, overridden entry by entry by the file LLM_PRICES names.
 */
public final class Pricing {
  /** Dollars per million tokens. */
  public record Price(double input, double output) {}

  private final Map<String, Price> table;

  Pricing(Map<String, Price> table) {
    this.table = Map.copyOf(table);
  }

  /** Loads the built-in table and then {@code override} when not null. */
  public static Pricing load(Path override) {
    Map<String, Price> t = new HashMap<>();
    try (InputStream in = Pricing.class.getResourceAsStream("prices.properties")) {
      parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), "the built-in price table", t);
    } catch (IOException e) {
      throw new IllegalStateException("the built-in price table cannot be read", e);
    }
    if (override != null) {
      try (Reader r = Files.newBufferedReader(override, StandardCharsets.UTF_8)) {
        parse(r, override.toString(), t);
      } catch (IOException e) {
        throw new LlmException(LlmException.Kind.CONFIG, "LLM_PRICES names " + override + ", which cannot be read: " + e.getMessage() + ".");
      }
    }
    return new Pricing(t);
  }

  private static void parse(Reader r, String source, Map<String, Price> into) throws IOException {
    Properties p = new Properties();
    p.load(r);
    for (String model : p.stringPropertyNames()) {
      String[] parts = p.getProperty(model).split(",");
      try {
        if (parts.length != 2) {
          throw new NumberFormatException();
        }
        Price price = new Price(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
        if (price.input() < 0 || price.output() < 0) {
          throw new NumberFormatException();
        }
        into.put(model, price);
      } catch (NumberFormatException e) {
        throw new LlmException(LlmException.Kind.CONFIG, source + ": the price of " + model + " is '" + p.getProperty(model)
            + "'; expected input,output dollars per million tokens, e.g. 0.15,0.60.");
      }
    }
  }

  /** Returns the price of {@code model}, or null when it is not in the table. */
  public Price price(String model) {
    if (model == null) {
      return null;
    }
    Price exact = table.get(model);
    if (exact != null) {
      return exact;
    }
    String best = null;
    for (String k : table.keySet()) {
      if (model.startsWith(k) && (best == null || k.length() > best.length())) {
        best = k;
      }
    }
    return best == null ? null : table.get(best);
  }

  /** Dollars for the tokens; 0 for an unpriced model. */
  public double dollars(String model, long inputTokens, long outputTokens) {
    Price p = price(model);
    return p == null ? 0 : (inputTokens * p.input() + outputTokens * p.output()) / 1_000_000.0;
  }
}
