package dev.cidoctor.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.ReasoningStep;
import java.util.List;

/** Writes diagnoses as {@code cidoctor.diagnosis/v1} JSON objects, the contract scripts rely on. */
public final class JsonReport {
  public static final String SCHEMA = "cidoctor.diagnosis/v1";
  private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  /** One object for one input; a zip's jobs are under {@code jobs}, its failing job at the top. */
  public static ObjectNode toJson(List<Diagnosis> jobs) {
    Diagnosis main = Reports.primaryJob(jobs);
    ObjectNode o = toJson(main);
    if (jobs.size() > 1 || main.job() != null) {
      ArrayNode arr = o.putArray("jobs");
      for (Diagnosis d : jobs) {
        arr.add(toJson(d));
      }
    }
    return o;
  }

  public static ObjectNode toJson(Diagnosis d) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("schema", SCHEMA);
    o.put("input", d.input());
    if (d.job() != null) {
      o.put("job", d.job());
    }
    o.put("category", d.category().wireName());
    o.put("severity", d.severity().wireName());
    o.put("transient", d.transientFailure());
    o.put("summary", d.summary());
    o.put("suggestion", d.suggestion());
    if (d.ruleId() == null) {
      o.putNull("ruleId");
    } else {
      o.put("ruleId", d.ruleId());
    }
    o.put("confidence", d.confidence());
    ArrayNode ev = o.putArray("evidence");
    for (Evidence e : d.evidence()) {
      ObjectNode x = ev.addObject();
      if (e.entry() != null) {
        x.put("entry", e.entry());
      }
      x.put("line", e.line());
      x.put("text", e.text());
    }
    if (d.failedStep() == null) {
      o.putNull("failedStep");
    } else {
      o.put("failedStep", d.failedStep());
    }
    ArrayNode tests = o.putArray("failedTests");
    d.failedTests().forEach(tests::add);
    o.put("fingerprint", d.fingerprint());
    ArrayNode trace = o.putArray("trace");
    for (ReasoningStep s : d.trace()) {
      trace.addObject().put("thought", s.thought()).put("action", s.action()).put("observation", s.observation());
    }
    return o;
  }

  public static String pretty(ObjectNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  public static String line(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
