package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RuleCodecTest {
  @Test
  void writeThenRead_builtInRules_roundTripEveryField() throws IOException {
    List<Rule> parsed = RuleLoader.parseBuiltIns();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RuleCodec.write(parsed, new DataOutputStream(bytes));
    List<Rule> read = RuleCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(read).hasSameSizeAs(parsed);
    for (int i = 0; i < parsed.size(); i++) {
      assertThat(describe(read.get(i))).isEqualTo(describe(parsed.get(i)));
    }
  }

  @Test
  void load_withoutUserRules_givesTheSameRulesAsTheYaml() {
    assertThat(RuleLoader.load(List.of()).stream().map(this::describe).toList())
        .isEqualTo(RuleLoader.parseBuiltIns().stream().map(this::describe).toList());
  }

  @Test
  void compiledRules_carryTheFactsTheLoaderDerivesFromTheRegex() {
    List<Rule> compiled = RuleLoader.load(List.of()); // rules.bin, as the build wrote it
    List<Rule> parsed = RuleLoader.parseBuiltIns(); // the YAML, facts derived at load
    assertThat(compiled).hasSameSizeAs(parsed);
    int gates = 0;
    int anchored = 0;
    int leads = 0;
    for (int i = 0; i < compiled.size(); i++) {
      List<LinePattern> stored = compiled.get(i).linePatterns();
      List<LinePattern> derived = parsed.get(i).linePatterns();
      assertThat(stored).hasSameSizeAs(derived);
      for (int k = 0; k < stored.size(); k++) {
        LinePattern p = stored.get(k);
        assertThat(facts(p)).as(compiled.get(i).id()).isEqualTo(facts(derived.get(k)))
            .isEqualTo(facts(LinePattern.of(Pattern.compile(p.source(), p.flags()))));
        gates += p.gate == null ? 0 : 1;
        anchored += p.anchored ? 1 : 0;
        leads += p.lead.isEmpty() ? 0 : 1;
      }
    }
    assertThat(gates).as("patterns with a gate").isGreaterThan(300);
    assertThat(anchored).as("anchored patterns").isGreaterThan(50);
    assertThat(leads).as("patterns with a leading literal").isGreaterThan(50);
  }

  @Test
  void writeThenRead_userRule_keepsTheFactsDerivedAtLoad(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    java.nio.file.Path file = dir.resolve("mine.yaml");
    java.nio.file.Files.writeString(file, """
        rules:
          - id: mine.thing
            category: test_failure
            severity: high
            transient: false
            patterns:
              - '(?i)^\\s*\\d+\\) (?<test>\\S+) FAILED in (?<s>\\d+)s'
              - '^\\[ERROR\\] Tests run: \\d+, Failures: [1-9]'
              - 'plain (?:words|text) here'
              - '^ {2,3}(?<test>Example \\S+) failed:\\s*$'
            tests: true
            summary: "{test} failed"
            suggestion: fix it
        """);
    List<Rule> loaded = RuleLoader.loadOnly(List.of(file));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RuleCodec.write(loaded, new DataOutputStream(bytes));
    List<Rule> read = RuleCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    List<String> expected = List.of(
        "(?i)^\\s*\\d+\\) (?<test>\\S+) FAILED in (?<s>\\d+)s/2 lead= anchored=true gate=|[) ,  failed in ]|true|FirstChar[kind=d, skipsSpace=true]|null|-",
        "^\\[ERROR\\] Tests run: \\d+, Failures: [1-9]/0 lead=[ERROR] Tests run:  anchored=true gate=[ERROR] Tests run: |[, Failures: ]|false|FirstChar[kind=\u0000, skipsSpace=false]|null|-",
        "plain (?:words|text) here/0 lead= anchored=false gate=|[plain ,  here]|false|FirstChar[kind=\u0000, skipsSpace=false]|null|-",
        "^ {2,3}(?<test>Example \\S+) failed:\\s*$/0 lead=   anchored=true gate=  |[Example ,  failed:]|false|FirstChar[kind=\u0000, skipsSpace=false]"
            + "|Indent[min=2, max=3]|:");
    assertThat(loaded.get(0).linePatterns().stream().map(RuleCodecTest::facts).toList()).isEqualTo(expected);
    assertThat(read.get(0).linePatterns().stream().map(RuleCodecTest::facts).toList()).isEqualTo(expected);
  }

  /** Everything the prefilter knows of a line pattern, as text. */
  static String facts(LinePattern p) {
    Gate g = p.gate;
    return p.source() + "/" + p.flags() + " lead=" + p.lead + " anchored=" + p.anchored + " gate="
        + (g == null ? "none" : g.lead() + "|" + List.of(g.runs()) + "|" + g.ignoreCase() + "|" + g.first() + "|" + g.indent()
            + "|" + (g.last() == 0 ? "-" : String.valueOf(g.last())));
  }

  /** Rule's record equality compares Pattern by identity, so compare the regex texts instead. */
  private String describe(Rule r) {
    return r.toString().replaceAll("java\\.util\\.regex\\.Pattern@\\w+", "")
        + r.linePatterns().stream().map(LinePattern::source).toList()
        + (r.unless() == null ? "" : r.unless().pattern())
        + (r.requires() == null ? "" : r.requires().pattern().pattern())
        + (r.contextUntil() == null ? "" : r.contextUntil().pattern());
  }
}
