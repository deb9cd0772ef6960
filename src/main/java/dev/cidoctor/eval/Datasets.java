package dev.cidoctor.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cidoctor.logs.LogInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads datasets: subfolders holding {@code labels.jsonl} and {@code logs/}. */
final class Datasets {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Datasets() {}

  /** Lists the dataset folders under {@code root} (or {@code root} itself when it is one). */
  static List<Path> find(Path root) {
    if (!Files.isDirectory(root)) {
      throw new LogInputException(root + " is not a folder of datasets.");
    }
    if (Files.isRegularFile(root.resolve("labels.jsonl"))) {
      return List.of(root);
    }
    try (Stream<Path> s = Files.list(root)) {
      List<Path> out = s.filter(p -> Files.isRegularFile(p.resolve("labels.jsonl"))).sorted().toList();
      if (out.isEmpty()) {
        throw new LogInputException(root + " holds no dataset (a subfolder with labels.jsonl and logs/).");
      }
      return out;
    } catch (IOException e) {
      throw new LogInputException(root + " cannot be listed: " + e.getMessage() + ".", e);
    }
  }

  static List<LabelledLog> read(Path dataset) {
    List<LabelledLog> out = new ArrayList<>();
    Path labels = dataset.resolve("labels.jsonl");
    try (BufferedReader r = Files.newBufferedReader(labels, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode o;
        try {
          o = JSON.readTree(line);
        } catch (IOException e) {
          throw new LogInputException(labels + ":" + n + " is not valid JSON.", e);
        }
        out.add(parse(dataset, o));
      }
    } catch (IOException e) {
      throw new LogInputException(labels + " cannot be read: " + e.getMessage() + ".", e);
    }
    return out;
  }

  static LabelledLog parse(Path dataset, JsonNode o) {
    Set<Long> lines = new LinkedHashSet<>();
    if (o.has("error_lines")) {
      o.get("error_lines").forEach(x -> lines.add(x.asLong()));
    } else if (o.has("evidence_spans")) {
      for (JsonNode span : o.get("evidence_spans")) {
        for (long i = span.path("start_line").asLong(); i <= span.path("end_line").asLong(); i++) {
          lines.add(i);
        }
      }
    } else if (o.hasNonNull("chunk_line_start") && o.hasNonNull("chunk_line_end")) {
      for (long i = o.get("chunk_line_start").asLong(); i <= o.get("chunk_line_end").asLong(); i++) {
        lines.add(i);
      }
    } else if (o.hasNonNull("match_line")) {
      lines.add(o.get("match_line").asLong());
    }
    List<String> tests = new ArrayList<>();
    String expected = o.path("expected").path("failed_tests").asText("");
    for (String t : expected.split("#")) {
      if (!t.isBlank()) {
        tests.add(t.strip());
      }
    }
    String category = o.hasNonNull("category_normalized") ? o.get("category_normalized").asText() : null;
    String dsName = o.path("dataset").asText(dataset.getFileName().toString());
    return new LabelledLog(dsName, o.path("id").asText(), o.path("project").asText(""),
        dataset.resolve(o.path("log_file").asText("logs/" + o.path("id").asText() + ".log")), lines, category, tests);
  }
}
