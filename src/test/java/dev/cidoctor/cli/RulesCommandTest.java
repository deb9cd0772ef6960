package dev.cidoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.testing.Cli;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code rules list|show|test}: browse the knowledge base and try a user rule on a log. */
class RulesCommandTest {
  private static final String NL = System.lineSeparator();

  @Test
  void rulesList_builtInRules_listsOneLinePerRuleAndTheCount() {
    Cli.Result r = Cli.run("rules", "list");

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    List<String> lines = r.out().lines().toList();
    String last = lines.get(lines.size() - 1);
    assertThat(last).isEqualTo((lines.size() - 1) + " rules");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("python.assert.http-status ").contains("test_failure", "low"));
    assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(l -> assertThat(l).matches("[a-z0-9.\\-]+ +[a-z_]+ +[a-z]+ .*\\d+"));
  }

  @Test
  void rulesShow_knownId_printsTheRuleInFull() {
    Cli.Result r = Cli.run("rules", "show", "python.assert.http-status");

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).startsWith("id:         python.assert.http-status" + NL)
        .contains("category:   test_failure" + NL, "severity:   low" + NL, "transient:  false" + NL, "pattern:    ",
            "literals:   ", "summary:    ", "suggestion:" + NL);
  }

  @Test
  void rulesShow_unknownId_exits2WithSentence() {
    Cli.Result r = Cli.run("rules", "show", "no.such-rule");

    assertThat(r.err()).isEqualTo("cidoctor: No rule has the id 'no.such-rule'; 'cidoctor rules list' shows them all." + NL);
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void rulesTest_matchingRule_showsTheMatchedLineAndTheDiagnosis() {
    Cli.Result r = Cli.run("rules", "test", "src/test/resources/user-rules/good-rule.yaml", AnalyzeCommandTest.HTTP_STATUS);

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).startsWith("Loaded 1 rule from src/test/resources/user-rules/good-rule.yaml." + NL
        + "Rule demo.http-status matched line 12: E       assert 200 == 201" + NL + NL
        + "Analyzing " + AnalyzeCommandTest.HTTP_STATUS + NL)
        .contains("The API answered 200 where the test expects 201", "Rule: demo.http-status");
  }

  @Test
  void rulesTest_noMatch_saysSoAndShowsTheGenericDiagnosis() {
    Cli.Result r = Cli.run("rules", "test", "src/test/resources/user-rules/good-rule.yaml", AnalyzeCommandTest.PYTEST);

    assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).startsWith("Loaded 1 rule from src/test/resources/user-rules/good-rule.yaml." + NL
        + "No rule of src/test/resources/user-rules/good-rule.yaml matched " + AnalyzeCommandTest.PYTEST
        + "; below is the generic diagnosis." + NL)
        .contains("Rule: none (generic analysis)");
  }

  @Test
  void rulesTest_badRuleFile_exits5() {
    Cli.Result r = Cli.run("rules", "test", "src/test/resources/user-rules/bad-rules.yaml", AnalyzeCommandTest.HTTP_STATUS);

    assertThat(r.err()).startsWith("cidoctor: The rules have 5 problems:\n");
    assertThat(r.exitCode()).isEqualTo(ExitCode.CONFIG);
  }

  @Test
  void rules_noSubcommand_exits2() {
    Cli.Result r = Cli.run("rules");

    assertThat(r.err()).isEqualTo("cidoctor: Missing subcommand: rules list, rules show ID or rules test RULE_FILE LOG." + NL);
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
  }
}
