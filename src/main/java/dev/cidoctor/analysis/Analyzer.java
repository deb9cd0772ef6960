package dev.cidoctor.analysis;

import dev.cidoctor.logs.LineReader;
import dev.cidoctor.logs.LogDocument;
import dev.cidoctor.model.Diagnosis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Diagnoses one failed CI log offline: streams it once through the rules and the generic scorer and
 * returns the root cause with its evidence. Thread-safe; one instance serves any number of logs.
 */
public final class Analyzer {
  private final KnowledgeBase kb;

  public Analyzer(List<Rule> rules) {
    this.kb = new KnowledgeBase(rules);
  }

  /** Returns an analyzer with the built-in knowledge base plus the user's rule files or folders. */
  public static Analyzer withRules(List<Path> userRuleFiles) {
    return new Analyzer(RuleLoader.load(userRuleFiles));
  }

  public KnowledgeBase knowledgeBase() {
    return kb;
  }

  /** Analyzes a document (file, standard input or zip entry). */
  public Diagnosis analyze(LogDocument doc) throws IOException {
    try (InputStream in = doc.open()) {
      return analyze(doc.input(), doc.entry(), doc.job(), in);
    }
  }

  /** Analyzes the bytes of {@code in}; {@code entry} names the zip entry, or is null. */
  public Diagnosis analyze(String input, String entry, String job, InputStream in) throws IOException {
    Scanner scan = new Scanner(kb);
    LineReader.read(in, scan);
    scan.finish();
    return new Diagnoser(scan, input, entry, job).diagnose();
  }
}
