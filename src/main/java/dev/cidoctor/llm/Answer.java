package dev.cidoctor.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cidoctor.model.Category;
import dev.cidoctor.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's structured answer, parsed from the JSON object in its final message and checked
 * against the log: every evidence line must exist, and its quoted text must be on that line.
 */
record Answer(String rootCause, Category category, Severity severity, String suggestion, double confidence,
    boolean transientFailure, List<Cited> evidence) {

  /** One evidence line as the model cited it. */
  record Cited(long line, String quote) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parses the first JSON object of {@code text}; returns the problems instead when there are any. */
  static Result parse(String text, LogLines log) {
    List<String> problems = new ArrayList<>();
    int start = text == null ? -1 : text.indexOf('{');
    int end = text == null ? -1 : text.lastIndexOf('}');
    if (start < 0 || end < start) {
      return Result.rejected(List.of("the answer holds no JSON object"));
    }
    JsonNode n;
    try {
      n = JSON.readTree(text.substring(start, end + 1));
    } catch (java.io.IOException e) {
      return Result.rejected(List.of("the answer's JSON does not parse"));
    }
    String root = str(n, "root_cause");
    String fix = str(n, "suggestion");
    if (root == null || root.isBlank()) {
      problems.add("root_cause is missing");
    }
    if (fix == null || fix.isBlank()) {
      problems.add("suggestion is missing");
    }
    Category category = null;
    try {
      category = Category.fromWireName(String.valueOf(str(n, "category")));
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    Severity severity = null;
    try {
      severity = Severity.fromWireName(String.valueOf(str(n, "severity")));
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    double confidence = n.path("confidence").asDouble(-1);
    if (confidence < 0 || confidence > 1) {
      problems.add("confidence must be a number from 0 to 1");
    }
    List<Cited> cited = new ArrayList<>();
    JsonNode ev = n.path("evidence");
    if (!ev.isArray() || ev.isEmpty()) {
      problems.add("evidence must list at least one line");
    } else {
      for (JsonNode e : ev) {
        long line = e.isIntegralNumber() ? e.asLong() : e.path("line").asLong(-1);
        String quote = e.isObject() ? str(e, "quote") : null;
        String actual = log.line(line);
        if (actual == null) {
          problems.add("evidence line " + line + " does not exist (the log has " + log.count() + " lines"
              + (log.first() > 1 ? ", of which " + log.first() + ".." + log.last() + " can be cited" : "") + ")");
        } else if (quote != null && !quote.isBlank() && !squash(actual).contains(squash(quote))) {
          problems.add("evidence line " + line + " does not say \"" + Toolbox.cut(quote, 120) + "\"");
        } else {
          cited.add(new Cited(line, quote));
        }
      }
    }
    if (!problems.isEmpty()) {
      return Result.rejected(problems);
    }
    return new Result(new Answer(root.strip(), category, severity, fix.strip(), confidence,
        n.path("transient").asBoolean(false), cited), List.of());
  }

  private static String str(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String squash(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }

  /** A parsed answer, or the problems that rejected it. */
  record Result(Answer answer, List<String> problems) {
    static Result rejected(List<String> problems) {
      return new Result(null, problems);
    }

    boolean ok() {
      return answer != null;
    }
  }
}
