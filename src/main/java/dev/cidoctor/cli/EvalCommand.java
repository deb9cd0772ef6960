package dev.cidoctor.cli;

import dev.cidoctor.analysis.Analyzer;
import dev.cidoctor.eval.Evaluation;
import dev.cidoctor.eval.Metrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cidoctor eval DIR}: measures the analyzer on labelled datasets next to two naive baselines. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Measures root-cause accuracy on labelled datasets (subfolders with labels.jsonl and logs/).",
        "Metrics as in ../shared/corpus/README.md; baselines: tail (last 20 non-blank lines) and keywords",
        "(last 20 lines matching error|fail|exception|fatal), newest first."},
    footer = {"", ExitCode.HELP})
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "A folder of datasets, or one dataset folder.")
  Path root;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
  String format = "text";

  @Option(names = "--split", paramLabel = "HALF",
      description = "all (default), dev or holdout: projects split by the first hex digit of SHA-1(project), even = dev; a dataset of fewer than 3 projects is split by log id.")
  String split = "all";

  @Option(names = "--projects-from", paramLabel = "FILE", description = "Only the projects listed in FILE, one per line.")
  Path projectsFrom;

  @Option(names = "--dataset", paramLabel = "NAME", description = "Only this dataset (repeatable).")
  List<String> datasets = new ArrayList<>();

  @Option(names = "--details", paramLabel = "FILE", description = "Also write one JSON line per log (evidence, labels, verdicts) to FILE.")
  Path details;

  @Option(names = "--rules", paramLabel = "PATH", description = "Extra rule file or folder (repeatable).")
  List<Path> rules = new ArrayList<>();

  @Option(names = "--no-builtin-rules",
      description = "Leave out the built-in knowledge base: measure the generic engine alone, or only the --rules files.")
  boolean noBuiltinRules;

  @Override
  public Integer call() throws IOException {
    Predicate<String> filter = projectFilter();
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format must be text or json, not '" + format + "'.");
    }
    Evaluation eval = new Evaluation(Analyzer.withRules(rules, !noBuiltinRules));
    List<Evaluation.Result> results;
    if (details != null) {
      try (Writer w = Files.newBufferedWriter(details, StandardCharsets.UTF_8)) {
        java.util.function.Function<Object, String> line = EvalJson.lines();
        results = eval.run(root, filter, new HashSet<>(datasets), d -> {
          try {
            w.write(line.apply(d) + "\n");
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
      }
    } else {
      results = eval.run(root, filter, new HashSet<>(datasets), null);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      out.println(EvalJson.render(results));
      return ExitCode.OK;
    }
    out.println(String.format(Locale.ROOT, "%-24s %-9s %5s %6s %6s %6s %6s %6s %6s %6s %6s", "dataset", "method", "logs",
        "top1", "hit", "prec", "recall", "f1", "cat", "tests", "ev_med"));
    for (Evaluation.Result r : results) {
      row(out, r.dataset(), "cidoctor", r.analyzer());
      row(out, "", "tail", r.tail());
      row(out, "", "keywords", r.keywords());
    }
    return ExitCode.OK;
  }

  private Predicate<String> projectFilter() throws IOException {
    Predicate<String> p = switch (split) {
      case "all" -> x -> true;
      case "dev" -> Evaluation::inDevHalf;
      case "holdout" -> x -> !Evaluation.inDevHalf(x);
      default -> throw new UsageException("--split must be all, dev or holdout, not '" + split + "'.");
    };
    if (projectsFrom != null) {
      if (!Files.isRegularFile(projectsFrom)) {
        throw new UsageException("--projects-from names " + projectsFrom + ", which is not a file.");
      }
      Set<String> keep = new HashSet<>();
      for (String l : Files.readAllLines(projectsFrom, StandardCharsets.UTF_8)) {
        if (!l.isBlank()) {
          keep.add(l.strip());
        }
      }
      p = p.and(keep::contains);
    }
    return p;
  }

  private static void row(PrintWriter out, String dataset, String method, Metrics m) {
    Map<String, Double> r = Evaluation.row(m);
    out.println(String.format(Locale.ROOT, "%-24s %-9s %5d %6s %6s %6s %6s %6s %6s %6s %6s", dataset, method,
        m.logs(), f(r.get("top1")), f(r.get("hit")), f(r.get("precision")), f(r.get("recall")), f(r.get("f1")),
        method.equals("cidoctor") ? f(r.get("category_acc")) : "", method.equals("cidoctor") ? f(r.get("failed_tests_recall")) : "",
        f(r.get("median_evidence_lines"))));
  }

  private static String f(Double d) {
    return d == null ? "-" : String.format(Locale.ROOT, "%.2f", d);
  }
}
