package dev.cidoctor.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cidoctor.analysis.Analyzer;
import dev.cidoctor.logs.LineText;
import dev.cidoctor.logs.LogDocument;
import dev.cidoctor.model.Diagnosis;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Prints what one LLM analysis would send over a labelled corpus: estimated input tokens of the
 * extracted context against the last MAX_LOG_LENGTH characters of the log (median and p90), and how
 * often each holds a labelled root-cause line. Run:
 * {@code java -cp target/cidoctor.jar dev.cidoctor.llm.ContextBenchmark [CORPUS_DIR] [MAX_LOG_LENGTH]}.
 */
public final class ContextBenchmark {
  private ContextBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus");
    int max = args.length > 1 ? Integer.parseInt(args[1]) : LlmSettings.DEFAULT_MAX_LOG_LENGTH;
    if (!Files.isDirectory(corpus)) {
      System.out.println("skipped: no corpus at " + corpus.toAbsolutePath().normalize());
      return;
    }
    Analyzer analyzer = Analyzer.withRules(List.of());
    ObjectMapper json = new ObjectMapper();
    List<Long> context = new ArrayList<>();
    List<Long> tail = new ArrayList<>();
    List<Long> whole = new ArrayList<>();
    List<Long> prompt = new ArrayList<>();
    int labelled = 0;
    int contextHits = 0;
    int tailHits = 0;
    List<Path> datasets;
    try (Stream<Path> s = Files.list(corpus)) {
      datasets = s.filter(p -> Files.isRegularFile(p.resolve("labels.jsonl"))).sorted().toList();
    }
    long started = System.nanoTime();
    for (Path ds : datasets) {
      try (BufferedReader r = Files.newBufferedReader(ds.resolve("labels.jsonl"), StandardCharsets.UTF_8)) {
        String row;
        while ((row = r.readLine()) != null) {
          if (row.isBlank()) {
            continue;
          }
          JsonNode label = json.readTree(row);
          Path file = ds.resolve(label.path("log_file").asText());
          if (!Files.isRegularFile(file)) {
            continue;
          }
          LogDocument doc = new LogDocument(file.toString(), null, null, file, () -> Files.newInputStream(file));
          Diagnosis d = analyzer.analyze(doc);
          LogLines lines = LogLines.read(doc);
          String sent = ContextWindow.extract(lines, d, max);
          String naive = lines.tail(max);
          context.add(Tokens.estimate(sent));
          List<ToolSpec> tools = new Toolbox(lines, d, null, KnownFixes.NONE).specs();
          prompt.add(Tokens.estimate(Prompts.system(true)) + Tokens.estimate(Prompts.task(d, sent, lines.count(), tools)));
          tail.add(Tokens.estimate(naive));
          StringBuilder all = new StringBuilder();
          for (long i = lines.first(); i <= lines.last(); i++) {
            all.append(lines.line(i)).append('\n');
          }
          whole.add(Tokens.estimate(all));
          List<String> wanted = labelLines(label);
          if (!wanted.isEmpty()) {
            labelled++;
            contextHits += holdsAny(sent, wanted) ? 1 : 0;
            tailHits += holdsAny(naive, wanted) ? 1 : 0;
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "logs: %d in %d datasets, MAX_LOG_LENGTH=%d characters, tokens counted with the o200k_base tokenizer (%.1f s)%n",
        context.size(), datasets.size(), max, (System.nanoTime() - started) / 1e9);
    System.out.printf(Locale.ROOT, "%-38s %8s %8s %8s%n", "input tokens per analysis", "median", "p90", "max");
    print("extracted context (sent)", context);
    print("first request (instructions+context)", prompt);
    print("last MAX_LOG_LENGTH characters", tail);
    print("whole log (for scale)", whole);
    System.out.printf(Locale.ROOT, "labelled root-cause line present (%d logs with chunk_lines): extracted %.2f, tail %.2f%n",
        labelled, labelled == 0 ? 0 : contextHits / (double) labelled, labelled == 0 ? 0 : tailHits / (double) labelled);
  }

  private static void print(String name, List<Long> values) {
    List<Long> v = new ArrayList<>(values);
    Collections.sort(v);
    System.out.printf(Locale.ROOT, "%-38s %8d %8d %8d%n", name, pct(v, 50), pct(v, 90), v.isEmpty() ? 0 : v.get(v.size() - 1));
  }

  /** Nearest-rank percentile. */
  static long pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** The label's root-cause lines, cleaned like log lines, without blanks; long lines by their first 80 characters. */
  private static List<String> labelLines(JsonNode label) {
    List<String> out = new ArrayList<>();
    for (String s : label.path("chunk_lines").asText("").split("\r\n|\r|\n")) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      String clean = LineText.clean(b, 0, b.length).strip();
      if (clean.length() >= 4) {
        out.add(clean.length() > 80 ? clean.substring(0, 80) : clean);
      }
    }
    return out;
  }

  private static boolean holdsAny(String text, List<String> lines) {
    for (String l : lines) {
      if (text.contains(l)) {
        return true;
      }
    }
    return false;
  }
}
