package dev.cidoctor.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.model.Category;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextWindowTest {
  @Test
  void extract_longLog_keepsTheEvidenceAndTheFailingStepNotTheStart() {
    List<String> raw = new ArrayList<>();
    for (int i = 1; i <= 5000; i++) {
      raw.add(i == 3000 ? "##[group]Run make test" : i == 4000 ? "FATAL: relation \"users\" does not exist" : "noise line " + i);
    }
    Diagnosis d = new Diagnosis("x.log", null, Category.UNKNOWN, Severity.MEDIUM, false, "s", "f", null, 0.3,
        List.of(new Evidence(null, 4000, "FATAL: relation \"users\" does not exist")), "make test", List.of(), "sha256:0000000000000000", List.of());

    String context = ContextWindow.extract(LogLines.of(raw), d, 2000);

    assertThat(context.length()).isLessThanOrEqualTo(2000);
    assertThat(context).contains("  4000| FATAL: relation \"users\" does not exist").contains("  3000| ##[group]Run make test")
        .contains("  5000| noise line 5000").doesNotContain("     1| noise line 1\n");
    assertThat(context).contains("lines not shown");
  }

  @Test
  void extract_secretInTheLog_isRedactedBeforeItIsChosen() {
    List<String> raw = List.of("##[group]Run deploy", "curl -H 'Authorization: Bearer abcdefghijklmnop0123456789' https://x",
        "-----BEGIN RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA7", "-----END RSA PRIVATE KEY-----", "deploy failed: 403");
    Diagnosis d = new Diagnosis("x.log", null, Category.UNKNOWN, Severity.MEDIUM, false, "s", "f", null, 0.3,
        List.of(new Evidence(null, 6, "deploy failed: 403")), null, List.of(), "sha256:0000000000000000", List.of());

    String context = ContextWindow.extract(LogLines.of(raw), d, 5000);

    assertThat(context).doesNotContain("abcdefghijklmnop0123456789").doesNotContain("MIIEowIBAAKCAQEA7").contains("[REDACTED]");
  }
}
