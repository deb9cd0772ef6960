package dev.cidoctor.cli;

import dev.cidoctor.report.JsonWriter;
import dev.cidoctor.store.Fix;
import dev.cidoctor.store.PatternDetail;
import dev.cidoctor.store.PatternSummary;
import dev.cidoctor.store.Stats;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of {@code patterns}: times in ISO-8601 UTC, rates as fractions, money in US dollars. Written
 * with {@link JsonWriter}, not Jackson: loading Jackson's ObjectMapper took 0.2-0.3 s of a whole
 * {@code patterns --stats --format json} process that should finish within 1 s (see README).
 */
final class PatternsJson {
  private PatternsJson() {}

  static String stats(Stats s) {
    JsonWriter w = new JsonWriter(true).beginObject();
    w.name("schema").value("cidoctor.patterns.stats/v1");
    w.name("since").value(s.query().since().toString());
    w.name("until").value(s.query().now().toString());
    w.name("repo").value(s.query().repo());
    w.name("failures").value(s.failures());
    w.name("patterns").beginArray();
    s.patterns().forEach(p -> summary(w.beginObject(), p).endObject());
    w.endArray();
    w.name("categories").beginObject();
    s.categories().forEach((k, v) -> w.name(k).value(v));
    w.endObject();
    w.name("workflows").beginArray();
    for (Stats.WorkflowRate r : s.workflows()) {
      w.beginObject().name("repo").value(r.repo()).name("workflow").value(r.workflow()).name("runs").value(r.runs())
          .name("failedRuns").value(r.failedRuns()).name("failureRate").value(round(r.rate())).endObject();
    }
    w.endArray();
    w.name("branches").beginArray();
    for (Stats.BranchRate b : s.branches()) {
      w.beginObject().name("repo").value(b.repo()).name("branch").value(b.branch()).name("runs").value(b.runs())
          .name("failedRuns").value(b.failedRuns()).name("failureRate").value(round(b.rate())).endObject();
    }
    w.endArray();
    w.name("flakyJobs").beginArray();
    for (Stats.FlakyJob f : s.flakyJobs()) {
      w.beginObject().name("repo").value(f.repo()).name("workflow").value(f.workflow()).name("job").value(f.job())
          .name("flakyCommits").value(f.flakyCommits()).name("failedCommits").value(f.failedCommits())
          .name("flakeRate").value(round(f.flakeRate())).endObject();
    }
    w.endArray();
    w.name("recovery").beginObject().name("fixes").value(s.recoveries()).name("meanSeconds");
    if (s.meanTimeToRecovery().isPresent()) {
      w.value(s.meanTimeToRecovery().get().toSeconds());
    } else {
      w.nullValue();
    }
    w.endObject();
    w.name("trends").beginArray();
    for (Stats.TrendFlag t : s.trends()) {
      w.beginObject().name("kind").value(t.kind()).name("name").value(t.name()).name("fingerprint").value(t.fingerprint())
          .name("evidence").value(t.evidence()).endObject();
    }
    w.endArray();
    w.name("rateTrends").beginArray();
    for (Stats.RateTrend t : s.rateTrends()) {
      w.beginObject().name("scope").value(t.scope()).name("repo").value(t.repo()).name("workflow").value(t.workflow())
          .name("branch").value(t.branch()).name("recentRuns").value(t.recentRuns()).name("recentFailedRuns").value(t.recentFailedRuns())
          .name("baselineRuns").value(t.baselineRuns()).name("baselineFailedRuns").value(t.baselineFailedRuns())
          .name("evidence").value(t.evidence()).endObject();
    }
    w.endArray();
    Stats.Spend sp = s.monthSpend();
    w.name("llmSpend").beginObject().name("month").value(sp.month()).name("dollars").value(round(sp.dollars()))
        .name("inputTokens").value(sp.inputTokens()).name("outputTokens").value(sp.outputTokens())
        .name("analyses").value(sp.analyses()).endObject();
    return w.endObject().toString();
  }

  static String pattern(PatternDetail d) {
    JsonWriter w = new JsonWriter(true).beginObject();
    w.name("schema").value("cidoctor.patterns.pattern/v1");
    summary(w, d.summary());
    w.name("perDay").beginObject();
    d.perDay().forEach((day, n) -> w.name(day.toString()).value(n));
    w.endObject();
    strings(w.name("branches"), d.branches());
    w.name("flakyCommits").value(d.flakyCommits());
    w.name("recent").beginArray();
    for (PatternDetail.Occurrence r : d.recent()) {
      w.beginObject().name("repo").value(r.repo()).name("workflow").value(r.workflow()).name("job").value(r.job())
          .name("runId").value(r.runId()).name("attempt").value(r.attempt()).name("branch").value(r.branch()).name("sha").value(r.sha())
          .name("at").value(r.at().toString()).name("evidence").value(r.evidence()).endObject();
    }
    w.endArray();
    w.name("fixes").beginArray();
    d.fixes().forEach(f -> fix(w, f));
    w.endArray();
    return w.endObject().toString();
  }

  /** The fields of one pattern, into the object {@code w} is in. */
  private static JsonWriter summary(JsonWriter w, PatternSummary p) {
    w.name("name").value(p.name()).name("fingerprint").value(p.fingerprint()).name("category").value(p.category())
        .name("ruleId").value(p.ruleId()).name("summary").value(p.summary()).name("occurrences").value(p.occurrences())
        .name("firstSeen").value(iso(p.firstSeen())).name("lastSeen").value(iso(p.lastSeen()));
    strings(w.name("repos"), p.repos());
    Optional<Fix> fix = p.lastFix();
    w.name("lastFix");
    if (fix.isPresent()) {
      fix(w, fix.get());
    } else {
      w.nullValue();
    }
    return w;
  }

  private static void fix(JsonWriter w, Fix f) {
    w.beginObject().name("repo").value(f.repo()).name("branch").value(f.branch()).name("runId").value(f.runId()).name("sha").value(f.sha())
        .name("message").value(f.message()).name("at").value(iso(f.at())).endObject();
  }

  private static void strings(JsonWriter w, List<String> values) {
    w.beginArray();
    values.forEach(w::value);
    w.endArray();
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
