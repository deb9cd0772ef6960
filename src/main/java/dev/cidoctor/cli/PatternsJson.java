package dev.cidoctor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cidoctor.store.Fix;
import dev.cidoctor.store.PatternDetail;
import dev.cidoctor.store.PatternSummary;
import dev.cidoctor.store.Stats;
import java.time.Instant;
import java.util.Optional;

/** The JSON of {@code patterns}: times in ISO-8601 UTC, rates as fractions, money in US dollars. */
final class PatternsJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PatternsJson() {}

  static String stats(Stats s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("schema", "cidoctor.patterns.stats/v1");
    o.put("since", s.query().since().toString());
    o.put("until", s.query().now().toString());
    o.put("repo", s.query().repo());
    o.put("failures", s.failures());
    ArrayNode patterns = o.putArray("patterns");
    s.patterns().forEach(p -> patterns.add(summary(p)));
    ObjectNode categories = o.putObject("categories");
    s.categories().forEach(categories::put);
    ArrayNode workflows = o.putArray("workflows");
    for (Stats.WorkflowRate w : s.workflows()) {
      workflows.addObject().put("repo", w.repo()).put("workflow", w.workflow()).put("runs", w.runs())
          .put("failedRuns", w.failedRuns()).put("failureRate", round(w.rate()));
    }
    ArrayNode branches = o.putArray("branches");
    for (Stats.BranchRate b : s.branches()) {
      branches.addObject().put("repo", b.repo()).put("branch", b.branch()).put("runs", b.runs())
          .put("failedRuns", b.failedRuns()).put("failureRate", round(b.rate()));
    }
    ArrayNode flaky = o.putArray("flakyJobs");
    for (Stats.FlakyJob f : s.flakyJobs()) {
      flaky.addObject().put("repo", f.repo()).put("workflow", f.workflow()).put("job", f.job())
          .put("flakyCommits", f.flakyCommits()).put("failedCommits", f.failedCommits()).put("flakeRate", round(f.flakeRate()));
    }
    ObjectNode recovery = o.putObject("recovery");
    recovery.put("fixes", s.recoveries());
    if (s.meanTimeToRecovery().isPresent()) {
      recovery.put("meanSeconds", s.meanTimeToRecovery().get().toSeconds());
    } else {
      recovery.putNull("meanSeconds");
    }
    ArrayNode trends = o.putArray("trends");
    for (Stats.TrendFlag t : s.trends()) {
      trends.addObject().put("kind", t.kind()).put("name", t.name()).put("fingerprint", t.fingerprint()).put("evidence", t.evidence());
    }
    ArrayNode rates = o.putArray("rateTrends");
    for (Stats.RateTrend t : s.rateTrends()) {
      rates.addObject().put("scope", t.scope()).put("repo", t.repo()).put("workflow", t.workflow()).put("branch", t.branch())
          .put("recentRuns", t.recentRuns()).put("recentFailedRuns", t.recentFailedRuns())
          .put("baselineRuns", t.baselineRuns()).put("baselineFailedRuns", t.baselineFailedRuns()).put("evidence", t.evidence());
    }
    Stats.Spend sp = s.monthSpend();
    o.putObject("llmSpend").put("month", sp.month()).put("dollars", Math.round(sp.dollars() * 10_000) / 10_000.0)
        .put("inputTokens", sp.inputTokens()).put("outputTokens", sp.outputTokens()).put("analyses", sp.analyses());
    return write(o);
  }

  static String pattern(PatternDetail d) {
    ObjectNode o = JSON.createObjectNode();
    o.put("schema", "cidoctor.patterns.pattern/v1");
    o.setAll(summary(d.summary()));
    ObjectNode perDay = o.putObject("perDay");
    d.perDay().forEach((day, n) -> perDay.put(day.toString(), n));
    ArrayNode branches = o.putArray("branches");
    d.branches().forEach(branches::add);
    o.put("flakyCommits", d.flakyCommits());
    ArrayNode recent = o.putArray("recent");
    for (PatternDetail.Occurrence r : d.recent()) {
      recent.addObject().put("repo", r.repo()).put("workflow", r.workflow()).put("job", r.job()).put("runId", r.runId())
          .put("attempt", r.attempt()).put("branch", r.branch()).put("sha", r.sha()).put("at", r.at().toString())
          .put("evidence", r.evidence());
    }
    ArrayNode fixes = o.putArray("fixes");
    d.fixes().forEach(f -> fixes.add(fix(f)));
    return write(o);
  }

  private static ObjectNode summary(PatternSummary p) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", p.name()).put("fingerprint", p.fingerprint()).put("category", p.category()).put("ruleId", p.ruleId())
        .put("summary", p.summary()).put("occurrences", p.occurrences()).put("firstSeen", iso(p.firstSeen()))
        .put("lastSeen", iso(p.lastSeen()));
    ArrayNode repos = o.putArray("repos");
    p.repos().forEach(repos::add);
    Optional<Fix> fix = p.lastFix();
    if (fix.isPresent()) {
      o.set("lastFix", fix(fix.get()));
    } else {
      o.putNull("lastFix");
    }
    return o;
  }

  private static ObjectNode fix(Fix f) {
    return JSON.createObjectNode().put("repo", f.repo()).put("branch", f.branch()).put("runId", f.runId()).put("sha", f.sha())
        .put("message", f.message()).put("at", iso(f.at()));
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  private static String write(ObjectNode o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
