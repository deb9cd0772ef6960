package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.model.Diagnosis;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A user rule whose regex backtracks exponentially must not hang the analyzer: the match is abandoned. */
class CatastrophicPatternTest {
  @TempDir Path dir;

  @ParameterizedTest
  // '^(a+)+$' is the textbook case (the JDK's loop memoization defuses it); '^((a+)+)+$' still
  // backtracks exponentially in Java 25 without the budget
  @ValueSource(strings = {"^(a+)+$", "^((a+)+)+$"})
  @Timeout(10) // a hang guard, not a speed assertion
  void analyze_nestedQuantifierOnAdversarialLine_returnsWithoutTheRule(String pattern) throws IOException {
    Path rules = Files.writeString(dir.resolve("redos.yaml"), """
        rules:
          - id: user.redos
            category: unknown
            severity: low
            transient: false
            pattern: '%s'
            literals: ['aaa']
            summary: 'all a'
            suggestion: 'none'
        """.formatted(pattern));
    Analyzer analyzer = new Analyzer(RuleLoader.loadOnly(List.of(rules)));
    String log = "build started\n" + "a".repeat(30) + "!\n" + "error: the real failure\n";

    Diagnosis d = analyzer.analyze("redos.log", null, null, new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));

    assertThat(d.ruleId()).isNull();
    assertThat(d.primary()).isNotNull();
    assertThat(d.primary().text()).isEqualTo("error: the real failure");
  }

  @Test
  void boundedText_budgetSpent_throwsBudgetExceeded() {
    BoundedText t = new BoundedText("a".repeat(30) + "!", 10_000);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^((a+)+)+$").matcher(t);
    org.assertj.core.api.Assertions.assertThatThrownBy(m::find).isInstanceOf(BoundedText.BudgetExceeded.class);
  }
}
