package dev.cidoctor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cidoctor.eval.Evaluation;
import dev.cidoctor.eval.Metrics;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code eval --format json}. Kept out of EvalCommand: picocli makes an instance of every
 * command at start-up and reflects on its fields and methods, so an ObjectMapper there was built, and
 * Jackson loaded, in every cidoctor process, {@code patterns --stats} included.
 */
final class EvalJson {
  private EvalJson() {}

  static String render(List<Evaluation.Result> results) throws JsonProcessingException {
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode arr = mapper.createArrayNode();
    for (Evaluation.Result r : results) {
      ObjectNode o = arr.addObject();
      o.put("dataset", r.dataset());
      o.put("logs", r.analyzer().logs());
      o.set("cidoctor", json(mapper, r.analyzer()));
      o.set("baseline_tail", json(mapper, r.tail()));
      o.set("baseline_keywords", json(mapper, r.keywords()));
    }
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(arr);
  }

  /** Writes each detail of {@code eval --details} as one line of JSON, with one ObjectMapper for all of them. */
  static java.util.function.Function<Object, String> lines() {
    ObjectMapper mapper = new ObjectMapper();
    return d -> {
      try {
        return mapper.writeValueAsString(d);
      } catch (JsonProcessingException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
  }

  private static ObjectNode json(ObjectMapper mapper, Metrics m) {
    ObjectNode o = mapper.createObjectNode();
    for (Map.Entry<String, Double> e : Evaluation.row(m).entrySet()) {
      if (e.getValue() == null) {
        o.putNull(e.getKey());
      } else {
        o.put(e.getKey(), Math.round(e.getValue() * 1000) / 1000.0);
      }
    }
    return o;
  }
}
