package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** How a rule's summary and suggestion templates are filled. */
class TemplateFillTest {

  /** {@code {name|one|many}} agrees with its number: "1 failure", "0 failures", "3 failures". */
  @Test
  void fill_countedPlaceholder_agreesWithItsNumber() {
    String t = "busted: {failed|failure|failures}, {errors|error|errors}";
    assertThat(Diagnoser.fill(t, Map.of("failed", "1", "errors", "0"))).isEqualTo("busted: 1 failure, 0 errors");
    assertThat(Diagnoser.fill(t, Map.of("failed", "3", "errors", "1"))).isEqualTo("busted: 3 failures, 1 error");
    assertThat(Diagnoser.fill("{n|known vulnerability|known vulnerabilities} found", Map.of("n", "12")))
        .isEqualTo("12 known vulnerabilities found");
    // a capture another pattern of the rule provides is absent: left out, as a plain placeholder is
    assertThat(Diagnoser.fill("[{n|test|tests}]", Map.of())).isEqualTo("[]");
    assertThat(Diagnoser.fill("{file}:{lineno}", Map.of("file", "a.c", "lineno", "7"))).isEqualTo("a.c:7");
  }

  /** No built-in template writes a count and a plural noun by hand ("{count} errors", "error(s)"). */
  @Test
  void builtInTemplates_countWithTheCountedPlaceholder() {
    Pattern handPlural = Pattern.compile(
        "\\{(?:count|failed|failures|errors|warnings|total|minutes|files|runs|tests)\\} [a-z ]*?(?:s|\\(s\\))\\b");
    List<String> offenders = new ArrayList<>();
    for (Rule r : RuleLoader.load(List.of())) {
      for (String t : new String[] {r.summary(), r.suggestion()}) {
        if (t != null && handPlural.matcher(t).find()) {
          offenders.add(r.id() + ": " + t.lines().filter(l -> handPlural.matcher(l).find()).findFirst().orElse(""));
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  /** A value that ends its own sentence before the template's full stop gives one full stop; an ellipsis stays. */
  @Test
  void fill_valueEndingASentence_getsOneFullStop() {
    assertThat(Diagnoser.fill("It said: {m}. Then", Map.of("m", "the config is wrong."))).isEqualTo("It said: the config is wrong. Then");
    assertThat(Diagnoser.fill("It said: {m}. Then", Map.of("m", "the config is wrong"))).isEqualTo("It said: the config is wrong. Then");
    assertThat(Diagnoser.fill("{m}... and so on", Map.of("m", "wait."))).isEqualTo("wait.... and so on");
  }

  /** A summary that ends on a colon takes the line it announces, or loses the colon. */
  @Test
  void closeSummary_danglingColon_takesTheNextLineOrGoesAway() {
    assertThat(Diagnoser.closeSummary("Rust test t panicked at src/lib.rs:31:9:", " assertion failed", false))
        .isEqualTo("Rust test t panicked at src/lib.rs:31:9: assertion failed");
    assertThat(Diagnoser.closeSummary("JUnit tests failed (0 failures, 1 error): ", "", false)).isEqualTo("JUnit tests failed (0 failures, 1 error)");
    assertThat(Diagnoser.closeSummary("pytest: AssertionError:", " boom", true)).isEqualTo("pytest: AssertionError");
    assertThat(Diagnoser.closeSummary("no compatible versions for pod \"X\":", " In Podfile:", false))
        .isEqualTo("no compatible versions for pod \"X\": In Podfile");
    assertThat(Diagnoser.closeSummary("javac: ';' expected (A.java:3)", " x", false)).isEqualTo("javac: ';' expected (A.java:3)");
  }

  /** The line a primary line announces skips a parallel build's progress lines printed in between. */
  @Test
  void continuation_skipsBuildProgressInterleavedByAParallelBuild() {
    List<ContextLine> after = List.of(
        new ContextLine(2, "[ 6 of 19] Compiling Paths_ShellCheck ( dist/build/autogen/Paths_ShellCheck.hs, dist/build/Paths_ShellCheck.o )"),
        new ContextLine(3, "    Not in scope: type constructor or class `Semigroup'"));
    assertThat(Diagnoser.continuation("src/ShellCheck/Fixer.hs:38:1: error:", after))
        .isEqualTo(" Not in scope: type constructor or class `Semigroup'");
  }
}
