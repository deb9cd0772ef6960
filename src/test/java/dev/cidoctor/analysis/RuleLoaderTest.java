package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading reports every problem of every rule at once, each with its file, rule id and reason. */
class RuleLoaderTest {
  private static final String CATEGORIES = "test_failure, compilation_error, type_error, lint_error, dependency_error, "
      + "network_error, timeout, out_of_resources, configuration_error, infrastructure_error, docker_build_error, "
      + "cancelled, unknown";

  @TempDir Path dir;

  @Test
  void loadOnly_sixDifferentProblems_reportsThemAllAtOnce() throws IOException {
    Path a = Files.writeString(dir.resolve("a.yaml"), """
        rules:
          - id: demo.unknown-key
            category: timeout
            severity: high
            transient: true
            pattern: 'timed out after'
            colour: red
            summary: 'Timed out'
            suggestion: 'Raise the timeout.'
          - id: demo.bad-category
            category: flaky
            severity: low
            transient: true
            pattern: 'flaky test detected'
            summary: 'Flaky'
            suggestion: 'Rerun.'
          - id: demo.bad-regex
            category: unknown
            severity: low
            transient: false
            pattern: 'broken [a-z'
            summary: 'Broken'
            suggestion: 'Fix.'
          - id: demo.placeholder
            category: unknown
            severity: low
            transient: false
            pattern: 'missing file (?<file>\\S+)'
            summary: 'Missing {path}'
            suggestion: 'Add {file}.'
          - id: demo.no-literal
            category: unknown
            severity: low
            transient: false
            pattern: '^\\d+$'
            summary: 'Number'
            suggestion: 'None.'
        """);
    Path b = Files.writeString(dir.resolve("b.yaml"), """
        rules:
          - id: demo.unknown-key
            category: timeout
            severity: high
            transient: true
            pattern: 'deadline exceeded'
            summary: 'Deadline'
            suggestion: 'Raise it.'
        """);

    RuleLoadException e = catchThrowableOfType(RuleLoadException.class, () -> RuleLoader.loadOnly(List.of(a, b)));

    assertThat(e.problems()).containsExactly(
        a + ": rule demo.unknown-key: unknown key 'colour'",
        a + ": rule demo.bad-category: unknown category 'flaky'; expected one of " + CATEGORIES,
        a + ": rule demo.bad-regex: 'pattern' is not a valid regex: Unclosed character class near index 10",
        a + ": rule demo.no-literal: cannot derive a literal of 3+ characters from pattern '^\\d+$'; add 'literals:' "
            + "(one of which every match contains)",
        b + ": rule demo.unknown-key: duplicate id, first defined in " + a,
        a + ": rule demo.placeholder: placeholder {path} names no capture (captures: [file]) and no remembered value");
    assertThat(e.getMessage()).startsWith("6 problems in the rules: " + a + ": rule demo.unknown-key: unknown key 'colour'; ");
  }

  @Test
  void loadOnly_notYaml_reportsTheLine() throws IOException {
    Path f = Files.writeString(dir.resolve("x.yaml"), "rules:\n  - id: [unclosed\n");

    RuleLoadException e = catchThrowableOfType(RuleLoadException.class, () -> RuleLoader.loadOnly(List.of(f)));

    assertThat(e.problems()).singleElement().asString().startsWith(f + ": not valid YAML at line ");
  }

  @Test
  void loadOnly_noRulesList_saysWhatIsExpected() throws IOException {
    Path f = Files.writeString(dir.resolve("x.yaml"), "rule:\n  id: a\n");

    RuleLoadException e = catchThrowableOfType(RuleLoadException.class, () -> RuleLoader.loadOnly(List.of(f)));

    assertThat(e.problems()).containsExactly(f + ": expected a top-level 'rules:' list");
  }

  @Test
  void loadOnly_missingRequiredFields_listsEach() throws IOException {
    Path f = Files.writeString(dir.resolve("x.yaml"), "rules:\n  - category: timeout\n");

    RuleLoadException e = catchThrowableOfType(RuleLoadException.class, () -> RuleLoader.loadOnly(List.of(f)));

    assertThat(e.problems()).containsExactly(
        f + ": rule #1: missing 'id'",
        f + ": rule #1: unknown severity ''; expected one of low, medium, high, critical",
        f + ": rule #1: 'transient' must be true or false",
        f + ": rule #1: needs 'pattern' or 'patterns'",
        f + ": rule #1: missing 'summary'",
        f + ": rule #1: missing 'suggestion'");
  }

  @Test
  void loadOnly_validRule_compilesWithDerivedLiterals() throws IOException {
    Path f = Files.writeString(dir.resolve("ok.yaml"), """
        rules:
          - id: demo.ok
            category: network_error
            severity: medium
            transient: true
            priority: 70
            pattern: 'Could not resolve host: (?<host>\\S+)'
            summary: 'DNS failed for {host}'
            suggestion: 'Retry; check {host}.'
        """);

    List<Rule> rules = RuleLoader.loadOnly(List.of(f));

    assertThat(rules).singleElement().satisfies(r -> {
      assertThat(r.id()).isEqualTo("demo.ok");
      assertThat(r.source()).isEqualTo(f.toString());
      assertThat(r.literals()).containsExactly("could not resolve host: ");
      assertThat(r.transientFailure()).isTrue();
      assertThat(r.priority()).isEqualTo(70);
    });
  }

  @Test
  void loadOnly_testAliasModule_namesAFileQualifiedTestByItsModule() throws IOException {
    Path f = Files.writeString(dir.resolve("alias.yaml"), """
        rules:
          - id: demo.alias
            category: test_failure
            severity: medium
            transient: false
            priority: 60
            pattern: '^FAILED (?<test>\\S+::\\S+)'
            tests: true
            testAlias: module
            summary: 'failed {test}'
            suggestion: 'Run {test}.'
        """);

    Rule r = RuleLoader.loadOnly(List.of(f)).get(0);

    assertThat(r.aliasOf("tests/integration/test_db.py::TestDb::test_ttl")).isEqualTo("tests.integration.test_db::TestDb::test_ttl");
    assertThat(r.aliasOf("./tests/x.py::test_y")).isEqualTo("tests.x::test_y");
    assertThat(r.aliasOf("TestDb.test_ttl")).isNull();
  }

  @Test
  void loadOnly_unknownTestAlias_isAProblem() throws IOException {
    Path f = Files.writeString(dir.resolve("bad-alias.yaml"), """
        rules:
          - id: demo.bad-alias
            category: test_failure
            severity: medium
            transient: false
            priority: 60
            pattern: '^FAILED (?<test>\\S+)'
            tests: true
            testAlias: dotted
            summary: 'failed {test}'
            suggestion: 'Run {test}.'
        """);

    RuleLoadException e = catchThrowableOfType(RuleLoadException.class, () -> RuleLoader.loadOnly(List.of(f)));

    assertThat(e.getMessage()).contains("'testAlias' must be 'module'");
  }

  @Test
  void load_builtInRules_loadWithoutProblems() {
    assertThat(RuleLoader.load(List.of())).isNotEmpty();
    assertThat(RuleLoader.builtInFiles()).allMatch(n -> n.endsWith(".yaml"));
  }
}
