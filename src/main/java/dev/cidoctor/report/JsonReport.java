package dev.cidoctor.report;

import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.ReasoningStep;
import java.util.List;

/**
 * Writes diagnoses as {@code cidoctor.diagnosis/v1} JSON objects, the contract scripts rely on. The
 * writer is hand-rolled: the shape is fixed and small, and a JSON library's start-up would cost
 * more than analyzing a typical log.
 */
public final class JsonReport {
  public static final String SCHEMA = "cidoctor.diagnosis/v1";

  private JsonReport() {}

  /** One object for one input; a zip's jobs are under {@code jobs}, its failing job's fields at the top. */
  public static String render(List<Diagnosis> jobs, boolean pretty) {
    return render(jobs, pretty, null, null);
  }

  /**
   * As {@link #render(List, boolean)}, plus {@code model}, {@code tokens} ({@code input}, {@code output})
   * and {@code cost} (US dollars) at the top when a language model was asked (model not null).
   */
  public static String render(List<Diagnosis> jobs, boolean pretty, String model, AnalysisCost cost) {
    return render(jobs, pretty, model, cost, false);
  }

  /** As {@link #render(List, boolean, String, AnalysisCost)}, plus {@code cached} after {@code cost}. */
  public static String render(List<Diagnosis> jobs, boolean pretty, String model, AnalysisCost cost, boolean cached) {
    Diagnosis main = Reports.primaryJob(jobs);
    JsonWriter w = new JsonWriter(pretty);
    w.beginObject();
    fields(w, main);
    if (model != null && cost != null) {
      w.name("model").value(model);
      w.name("tokens").beginObject();
      w.name("input").value(cost.inputTokens());
      w.name("output").value(cost.outputTokens());
      w.endObject();
      w.name("cost").value(Math.round(cost.dollars() * 1_000_000) / 1_000_000.0);
      w.name("cached").value(cached);
    }
    if (jobs.size() > 1 || main.job() != null) {
      w.name("jobs").beginArray();
      for (Diagnosis d : jobs) {
        w.beginObject();
        fields(w, d);
        w.endObject();
      }
      w.endArray();
    }
    w.endObject();
    return w.toString();
  }

  static void fields(JsonWriter w, Diagnosis d) {
    w.name("schema").value(SCHEMA);
    w.name("input").value(d.input());
    if (d.job() != null) {
      w.name("job").value(d.job());
    }
    w.name("category").value(d.category().wireName());
    w.name("severity").value(d.severity().wireName());
    w.name("transient").value(d.transientFailure());
    w.name("summary").value(d.summary());
    w.name("suggestion").value(d.suggestion());
    w.name("ruleId").value(d.ruleId());
    w.name("confidence").value(d.confidence());
    w.name("evidence").beginArray();
    for (Evidence e : d.evidence()) {
      w.beginObject();
      if (e.entry() != null) {
        w.name("entry").value(e.entry());
      }
      w.name("line").value(e.line());
      w.name("text").value(e.text());
      w.endObject();
    }
    w.endArray();
    w.name("failedStep").value(d.failedStep());
    w.name("failedTests").beginArray();
    for (String t : d.failedTests()) {
      w.value(t);
    }
    w.endArray();
    w.name("fingerprint").value(d.fingerprint());
    w.name("trace").beginArray();
    for (ReasoningStep s : d.trace()) {
      w.beginObject();
      w.name("thought").value(s.thought());
      w.name("action").value(s.action());
      w.name("observation").value(s.observation());
      w.endObject();
    }
    w.endArray();
  }
}
