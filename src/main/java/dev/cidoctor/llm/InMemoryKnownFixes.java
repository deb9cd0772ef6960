package dev.cidoctor.llm;

import dev.cidoctor.model.Diagnosis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Known fixes held in memory, matched by fingerprint first and then by shared words with the root
 * cause; stands in for the pattern store until it provides similar-failure look-ups.
 */
public final class InMemoryKnownFixes implements KnownFixes {
  private final List<KnownFix> fixes;

  public InMemoryKnownFixes(List<KnownFix> fixes) {
    this.fixes = List.copyOf(fixes);
  }

  @Override
  public List<KnownFix> similar(Diagnosis d, int limit) {
    List<KnownFix> exact = new ArrayList<>();
    List<KnownFix> alike = new ArrayList<>();
    String primary = d.primary() == null ? d.summary() : d.primary().text();
    for (KnownFix f : fixes) {
      if (f.fingerprint().equals(d.fingerprint())) {
        exact.add(f);
      } else if (shared(f.rootCause(), primary) >= 3) {
        alike.add(f);
      }
    }
    exact.addAll(alike);
    return exact.subList(0, Math.min(limit, exact.size()));
  }

  private static int shared(String a, String b) {
    List<String> words = List.of(a.toLowerCase(Locale.ROOT).split("\\W+"));
    int n = 0;
    for (String w : b.toLowerCase(Locale.ROOT).split("\\W+")) {
      if (w.length() > 3 && words.contains(w)) {
        n++;
      }
    }
    return n;
  }
}
