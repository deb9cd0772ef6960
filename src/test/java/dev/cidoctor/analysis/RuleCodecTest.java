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

  /** Rule's record equality compares Pattern by identity, so compare the regex texts instead. */
  private String describe(Rule r) {
    return r.toString().replaceAll("java\\.util\\.regex\\.Pattern@\\w+", "")
        + r.patterns().stream().map(Pattern::pattern).toList()
        + (r.unless() == null ? "" : r.unless().pattern())
        + (r.requires() == null ? "" : r.requires().pattern().pattern())
        + (r.contextUntil() == null ? "" : r.contextUntil().pattern());
  }
}
