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
}
