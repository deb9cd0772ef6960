package dev.cidoctor.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cidoctor.analysis.BoundedText;
import dev.cidoctor.analysis.Redactor;
import dev.cidoctor.ci.CiException;
import dev.cidoctor.model.Commit;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.JobStep;
import dev.cidoctor.model.WorkflowRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The read-only tools the model may ask for. Arguments are validated and every result is redacted
 * and cut to {@link #MAX_RESULT_CHARS}; a bad call gets an {@code error:} observation the model can
 * correct, never an exception. The GitHub tools exist only when the log came from a GitHub run.
 */
final class Toolbox {
  static final int MAX_RESULT_CHARS = 4000;
  static final int MAX_LINES_PER_READ = 80;
  static final int MAX_MATCHES = 30;
  /** Character reads one search may spend across all lines; a sane regex over 1M lines needs less. */
  static final long SEARCH_BUDGET = 50_000_000L;
  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._@+\\-][A-Za-z0-9._@+\\-/ ]{0,299}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LogLines log;
  private final Diagnosis rules;
  private final RunContext run;
  private final KnownFixes fixes;

  Toolbox(LogLines log, Diagnosis rules, RunContext run, KnownFixes fixes) {
    this.log = log;
    this.rules = rules;
    this.run = run;
    this.fixes = fixes;
  }

  List<ToolSpec> specs() {
    List<ToolSpec> s = new ArrayList<>();
    s.add(new ToolSpec("search_log", "Searches the log with a Java regular expression; returns up to " + MAX_MATCHES + " matching lines with their numbers.",
        List.of(new ToolSpec.Param("pattern", false, "Java regex, at most 200 characters", true))));
    s.add(new ToolSpec("read_log_lines", "Returns log lines from..to (1-based, inclusive, at most " + MAX_LINES_PER_READ + " lines).",
        List.of(new ToolSpec.Param("from", true, "first line number", true), new ToolSpec.Param("to", true, "last line number", true))));
    s.add(new ToolSpec("list_failed_steps", "Lists the steps that failed and the error markers in the log.", List.of()));
    s.add(new ToolSpec("similar_failures", "Lists failures seen before that look like this one, with their known fixes.", List.of()));
    if (run != null) {
      s.add(new ToolSpec("read_workflow", "Returns the workflow file at the commit the run built.", List.of()));
      s.add(new ToolSpec("read_repo_file", "Returns a repository file at the commit the run built.",
          List.of(new ToolSpec.Param("path", false, "path relative to the repository root, e.g. pom.xml", true))));
      s.add(new ToolSpec("commits_since_success", "Lists the commits since the last successful run of this workflow on this branch.", List.of()));
    }
    return s;
  }

  /** Runs one call and returns its observation. */
  String run(ToolCall call) {
    JsonNode args;
    try {
      String raw = call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments();
      args = JSON.readTree(raw);
      if (args == null || !args.isObject()) {
        return "error: arguments must be a JSON object, got: " + cut(raw, 200);
      }
    } catch (java.io.IOException e) {
      return "error: arguments are not valid JSON: " + cut(call.arguments(), 200);
    }
    boolean github = run != null;
    String out = switch (call.name() == null ? "" : call.name()) {
      case "search_log" -> search(args);
      case "read_log_lines" -> read(args);
      case "list_failed_steps" -> failedSteps();
      case "similar_failures" -> similar();
      case "read_workflow" -> github ? workflow() : unknown(call.name());
      case "read_repo_file" -> github ? repoFile(args) : unknown(call.name());
      case "commits_since_success" -> github ? commits() : unknown(call.name());
      default -> unknown(call.name());
    };
    return cut(Redactor.redact(out), MAX_RESULT_CHARS);
  }

  private String unknown(String name) {
    List<String> names = specs().stream().map(ToolSpec::name).toList();
    return "error: there is no tool named '" + cut(String.valueOf(name), 80) + "'; the tools are " + String.join(", ", names);
  }

  private String search(JsonNode a) {
    JsonNode p = a.get("pattern");
    if (p == null || !p.isTextual() || p.asText().isEmpty() || p.asText().length() > 200) {
      return "error: 'pattern' must be a non-empty string of at most 200 characters";
    }
    Pattern re;
    try {
      re = Pattern.compile(p.asText());
    } catch (PatternSyntaxException e) {
      return "error: invalid regex: " + e.getDescription();
    }
    StringBuilder sb = new StringBuilder();
    int found = 0;
    long spent = 0;
    for (long i = log.first(); i <= log.last(); i++) {
      String line = log.line(i);
      BoundedText text = new BoundedText(line, BoundedText.DEFAULT_BUDGET);
      try {
        if (re.matcher(text).find()) {
          found++;
          if (found <= MAX_MATCHES) {
            sb.append(i).append(": ").append(cut(line, 300)).append('\n');
          }
        }
      } catch (BoundedText.BudgetExceeded e) {
        return sb + "error: the regex is too expensive (it backtracks); search stopped at line " + i;
      }
      spent += line.length() + 1;
      if (spent > SEARCH_BUDGET) {
        return sb + "(search stopped at line " + i + ": budget spent)";
      }
    }
    if (found == 0) {
      return "no line matches";
    }
    return found > MAX_MATCHES ? sb + "(" + (found - MAX_MATCHES) + " more matches not shown)" : sb.toString();
  }

  private String read(JsonNode a) {
    JsonNode f = a.get("from");
    JsonNode t = a.get("to");
    if (!lineNumber(f) || !lineNumber(t)) {
      return "error: 'from' and 'to' must be line numbers";
    }
    long from = f.asLong();
    long to = t.asLong();
    if (from < 1 || to < from) {
      return "error: need 1 <= from <= to, got from=" + from + " to=" + to;
    }
    if (from > log.last() || to < log.first()) {
      return "error: the log has " + log.count() + " lines" + (log.first() > 1 ? "; lines " + log.first() + ".." + log.last() + " can be read" : "");
    }
    from = Math.max(from, log.first());
    to = Math.min(Math.min(to, from + MAX_LINES_PER_READ - 1), log.last());
    StringBuilder sb = new StringBuilder();
    for (long i = from; i <= to; i++) {
      sb.append(i).append(": ").append(cut(log.line(i), 300)).append('\n');
    }
    return sb.toString();
  }

  private static boolean lineNumber(JsonNode n) {
    return n != null && (n.isIntegralNumber() || n.isTextual() && n.asText().matches("\\d{1,10}"));
  }

  private String failedSteps() {
    StringBuilder sb = new StringBuilder();
    if (run != null && run.job() != null) {
      for (JobStep s : run.job().steps()) {
        if ("failure".equals(s.conclusion()) || "timed_out".equals(s.conclusion())) {
          sb.append("step ").append(s.number()).append(" '").append(s.name()).append("': ").append(s.conclusion()).append('\n');
        }
      }
    } else if (rules.failedStep() != null) {
      sb.append("failed step (from the log): ").append(rules.failedStep()).append('\n');
    }
    int markers = 0;
    for (long i = log.first(); i <= log.last() && markers < 20; i++) {
      String s = log.line(i);
      if (s.startsWith("##[error]") || s.contains("Process completed with exit code")) {
        sb.append(i).append(": ").append(cut(s, 300)).append('\n');
        markers++;
      }
    }
    return sb.isEmpty() ? "no failed step or error marker found" : sb.toString();
  }

  private String similar() {
    List<KnownFix> found = fixes.similar(rules, 5);
    if (found.isEmpty()) {
      return "no similar failure seen before";
    }
    StringBuilder sb = new StringBuilder();
    for (KnownFix k : found) {
      sb.append("- ").append(k.rootCause()).append(" (seen ").append(k.occurrences()).append(" times)\n  fix: ").append(k.fix()).append('\n');
    }
    return sb.toString();
  }

  private String workflow() {
    WorkflowRun r = run.run();
    if (r.workflowPath() == null) {
      return "error: the run does not name its workflow file";
    }
    return fetch(r.workflowPath());
  }

  private String repoFile(JsonNode a) {
    JsonNode p = a.get("path");
    if (p == null || !p.isTextual()) {
      return "error: 'path' must be a string";
    }
    String path = p.asText();
    if (!SAFE_PATH.matcher(path).matches() || path.startsWith("/") || List.of(path.split("/")).contains("..") || path.contains("//")) {
      return "error: 'path' must be relative to the repository root, without '..', e.g. src/main/App.java";
    }
    return fetch(path);
  }

  private String fetch(String path) {
    WorkflowRun r = run.run();
    try {
      Optional<String> text = run.ci().file(r.repo(), path, r.headSha());
      return text.map(s -> path + " at " + r.headSha() + ":\n" + s).orElse("error: " + path + " does not exist at " + r.headSha());
    } catch (CiException e) {
      return "error: " + e.getMessage();
    }
  }

  private String commits() {
    WorkflowRun r = run.run();
    try {
      Optional<WorkflowRun> ok = run.ci().lastSuccess(r.repo(), r.workflowPath(), r.branch(), r.createdAt());
      if (ok.isEmpty()) {
        return "no successful run of this workflow on " + r.branch() + " was found";
      }
      List<Commit> commits = run.ci().commitsBetween(r.repo(), ok.get().headSha(), r.headSha());
      StringBuilder sb = new StringBuilder("last success: run " + ok.get().id() + " at " + ok.get().headSha() + "\n");
      for (Commit c : commits.subList(Math.max(0, commits.size() - 30), commits.size())) {
        sb.append(c.sha(), 0, Math.min(10, c.sha().length())).append(' ').append(c.author()).append(": ").append(cut(c.headline(), 200)).append('\n');
      }
      return sb.toString();
    } catch (CiException e) {
      return "error: " + e.getMessage();
    }
  }

  static String cut(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max) + " [" + (s.length() - max) + " more characters cut]";
  }
}
