package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cidoctor.model.Diagnosis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule has a fixture log ({@code rule-fixtures/<id>.log}) and its expected diagnosis
 * ({@code <id>.expect.yaml}); the full knowledge base must give that diagnosis, so no other rule
 * steals the log. A rule without a fixture, or a fixture without a rule, fails the build.
 */
class RuleFixturesTest {
  static final Path FIXTURES = Path.of("src/test/resources/rule-fixtures");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Analyzer ANALYZER = new Analyzer(RuleLoader.load(List.of()));

  @Test
  void everyRule_hasAFixture_andEveryFixtureARule() throws IOException {
    Set<String> rules = ANALYZER.knowledgeBase().rules().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
    Set<String> fixtures = fixtureIds();
    Set<String> orphans = new TreeSet<>(rules);
    orphans.removeAll(fixtures);
    Set<String> strays = new TreeSet<>(fixtures);
    strays.removeAll(rules);
    assertThat(orphans).as("rules without a fixture in " + FIXTURES).isEmpty();
    assertThat(strays).as("fixtures without a rule").isEmpty();
  }

  @TestFactory
  List<DynamicTest> eachFixture_givesItsExpectedDiagnosis() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String id : fixtureIds()) {
      tests.add(DynamicTest.dynamicTest(id, () -> check(id)));
    }
    return tests;
  }

  private static Set<String> fixtureIds() throws IOException {
    try (Stream<Path> s = Files.list(FIXTURES)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expect.yaml"))
          .map(n -> n.substring(0, n.length() - ".expect.yaml".length())).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static void check(String id) throws IOException {
    Path log = FIXTURES.resolve(id + ".log");
    assertThat(log).as("fixture log for " + id).exists();
    JsonNode expect = YAML.readTree(FIXTURES.resolve(id + ".expect.yaml").toFile());
    Diagnosis d;
    try (InputStream in = Files.newInputStream(log)) {
      d = ANALYZER.analyze(log.toString(), null, null, in);
    }
    assertThat(d.ruleId()).as("rule chosen for " + log).isEqualTo(expect.path("ruleId").asText(id));
    if (expect.has("category")) {
      assertThat(d.category().wireName()).as("category").isEqualTo(expect.get("category").asText());
    }
    if (expect.has("primaryLine")) {
      assertThat(d.primary().line()).as("primary line").isEqualTo(expect.get("primaryLine").asLong());
    }
    if (expect.has("transient")) {
      assertThat(d.transientFailure()).as("transient").isEqualTo(expect.get("transient").asBoolean());
    }
    if (expect.has("summaryContains")) {
      assertThat(d.summary()).as("summary").contains(expect.get("summaryContains").asText());
    }
    if (expect.has("suggestionContains")) {
      assertThat(d.suggestion()).as("suggestion").contains(expect.get("suggestionContains").asText());
    }
    if (expect.has("failedTests")) {
      List<String> want = new ArrayList<>();
      expect.get("failedTests").forEach(t -> want.add(t.asText()));
      assertThat(d.failedTests()).as("failed tests").containsExactlyInAnyOrderElementsOf(want);
    }
    if (expect.has("failedStep")) {
      assertThat(d.failedStep()).as("failed step").isEqualTo(expect.get("failedStep").asText());
    }
    if (expect.has("evidenceIncludes")) {
      List<Long> lines = d.evidence().stream().map(e -> e.line()).toList();
      expect.get("evidenceIncludes").forEach(n -> assertThat(lines).as("evidence lines").contains(n.asLong()));
    }
  }
}
