package dev.cidoctor.cli;

import dev.cidoctor.analysis.Analyzer;
import dev.cidoctor.analysis.Rule;
import dev.cidoctor.analysis.RuleLoader;
import dev.cidoctor.config.Config;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.report.TextReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cidoctor rules list|show|test}: browse the knowledge base and try a rule on a real log. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Lists, shows and tests diagnosis rules.",
    subcommands = {RulesCommand.ListRules.class, RulesCommand.Show.class, RulesCommand.Test.class},
    footer = {"", ExitCode.HELP})
final class RulesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new UsageException("Missing subcommand: rules list, rules show ID or rules test RULE_FILE LOG.");
  }

  static List<Rule> all() {
    return RuleLoader.load(Main.config().rulePaths());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every rule: id, category, severity, transient.")
  static final class ListRules implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<Rule> rules = all();
      for (Rule r : rules) {
        out.println(String.format(Locale.ROOT, "%-52s %-21s %-8s %-9s %3d", r.id(), r.category().wireName(),
            r.severity().wireName(), r.transientFailure() ? "transient" : "", r.priority()));
      }
      out.println(rules.size() + " rules");
      return ExitCode.OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one rule in full.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (Rule r : all()) {
        if (r.id().equals(id)) {
          out.println("id:         " + r.id());
          out.println("file:       " + r.source());
          out.println("category:   " + r.category().wireName());
          out.println("severity:   " + r.severity().wireName());
          out.println("transient:  " + r.transientFailure());
          out.println("priority:   " + r.priority());
          r.linePatterns().forEach(p -> out.println("pattern:    " + p.source()));
          if (r.unless() != null) {
            out.println("unless:     " + r.unless().pattern());
          }
          if (r.requires() != null) {
            out.println("requires:   " + (r.requires().negated() ? "no " : "") + "line matching " + r.requires().pattern().pattern()
                + " within " + r.requires().within() + " lines " + (r.requires().after() ? "after" : "before"));
          }
          out.println("literals:   " + String.join(", ", r.literals()));
          out.println("summary:    " + r.summary());
          out.println("suggestion:");
          for (String l : r.suggestion().split("\n")) {
            out.println("  " + l);
          }
          return ExitCode.OK;
        }
      }
      throw new UsageException("No rule has the id '" + id + "'; 'cidoctor rules list' shows them all.");
    }
  }

  @Command(name = "test", mixinStandardHelpOptions = true,
      description = {"Runs only the rules of RULE_FILE on LOG and shows every line they match and the diagnosis they give."})
  static final class Test implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RULE_FILE")
    Path ruleFile;

    @Parameters(index = "1", paramLabel = "LOG")
    String log;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<Rule> rules = RuleLoader.loadOnly(List.of(ruleFile));
      out.println("Loaded " + rules.size() + " rule" + (rules.size() == 1 ? "" : "s") + " from " + ruleFile + ".");
      Analyzer analyzer = new Analyzer(rules);
      List<Diagnosis> jobs = new ArrayList<>(AnalyzeCommand.analyzeAll(analyzer, log));
      boolean any = false;
      for (Diagnosis d : jobs) {
        if (d.ruleId() != null) {
          any = true;
          Evidence e = d.primary();
          out.println("Rule " + d.ruleId() + " matched " + (e.entry() == null ? "" : e.entry() + " ") + "line " + e.line() + ": " + e.text());
        }
      }
      if (!any) {
        out.println("No rule of " + ruleFile + " matched " + log + "; below is the generic diagnosis.");
      }
      out.println();
      out.print(new TextReport(false, false).render(jobs));
      return ExitCode.OK;
    }
  }
}
