package dev.cidoctor.store;

import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names a pattern so people can type it: the rule id when a rule matched, else a slug of the
 * root-cause line without its numbers, ids and paths ({@code connection_refused}).
 */
public final class PatternName {
  static final int MAX_WORDS = 4;
  private static final Set<String> NOISE = Set.of("error", "err", "fatal", "failed", "failure", "the", "a", "an", "to",
      "of", "in", "at", "on", "is", "for", "with", "and", "or", "e", "warning", "info", "debug", "exception");

  private PatternName() {}

  public static String of(Diagnosis d) {
    if (d.ruleId() != null && !d.ruleId().isBlank()) {
      return d.ruleId();
    }
    Evidence primary = d.primary();
    String slug = slug(primary == null ? d.summary() : primary.text());
    return slug.isEmpty() ? d.category().wireName() : slug;
  }

  /** Keeps up to four words of letters (no digits, hex ids or path parts), lower-cased and joined by '_'. */
  public static String slug(String line) {
    if (line == null) {
      return "";
    }
    List<String> words = new ArrayList<>();
    List<String> noise = new ArrayList<>();
    for (String token : line.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (token.length() < 2 && !token.equals("e") || token.chars().anyMatch(Character::isDigit)) {
        continue;
      }
      if (NOISE.contains(token)) {
        noise.add(token);
        continue;
      }
      words.add(token);
      if (words.size() == MAX_WORDS) {
        break;
      }
    }
    if (words.isEmpty()) {
      words = noise.subList(0, Math.min(MAX_WORDS, noise.size()));
    }
    return String.join("_", words);
  }
}
