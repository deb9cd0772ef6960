package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.model.Diagnosis;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Secrets are masked in what comes from the log, not in the rules' own texts: a value is redacted
 * before it fills a placeholder, so a template must never put a placeholder where only the template
 * says it is a secret ({@code password={pw}}).
 */
class TemplateRedactionTest {
  private static final List<Rule> RULES = RuleLoader.load(List.of());
  private static final Pattern KEY_THEN_PLACEHOLDER = Pattern.compile(
      "(?i)(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|auth|authorization)[\"']?\\s*[:=]\\s*[\"']?\\{\\w+\\}");

  @Test
  void builtInTemplates_neverPutAPlaceholderAfterASecretKey() {
    List<String> offenders = new ArrayList<>();
    for (Rule r : RULES) {
      for (String t : new String[] {r.summary(), r.suggestion()}) {
        if (t != null && KEY_THEN_PLACEHOLDER.matcher(t).find()) {
          offenders.add(r.id());
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void analyze_secretInTheLog_isMaskedButTheRulesSnippetIsKept() throws IOException {
    Diagnosis d = LogLines.analyze(new Analyzer(RULES),
        "$ pytest -q",
        "E   psycopg2.OperationalError: connection to server at \"localhost\" (127.0.0.1), port 5432 failed: "
            + "Connection refused (dsn password=hunter22secret)",
        "The command \"pytest -q\" exited with 1.");

    assertThat(d.ruleId()).isEqualTo("service.postgres-unreachable");
    assertThat(d.suggestion()).contains("POSTGRES_PASSWORD: postgres");
    assertThat(d.evidence()).allSatisfy(e -> assertThat(e.text()).doesNotContain("hunter22secret"));
    assertThat(d.summary()).doesNotContain("hunter22secret");
  }

  @Test
  void fill_withARedactedCapture_masksTheSecretTheLogCarried() throws IOException {
    Diagnosis d = LogLines.analyze(new Analyzer(RULES),
        "$ git push",
        "fatal: unable to access 'https://bot:s3cr3tpass@github.com/o/r.git/': Could not resolve host: github.com",
        "The command \"git push\" exited with 128.");

    assertThat(d.ruleId()).isEqualTo("net.dns-resolution"); // its summary quotes the line: {line}
    assertThat(d.summary()).contains("https://[REDACTED]@github.com").doesNotContain("s3cr3tpass");
  }
}
