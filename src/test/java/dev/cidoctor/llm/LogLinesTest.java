package dev.cidoctor.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.logs.LogDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogLinesTest {
  private static LogDocument doc(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return new LogDocument("t.log", null, null, null, () -> new ByteArrayInputStream(b));
  }

  @Test
  void read_githubLog_numbersCleansAndRedactsLikeTheEngine() throws IOException {
    LogLines l = LogLines.read(doc("2024-05-02T10:00:01.0000000Z \u001b[31mboom\u001b[0m\r\ntoken=abcdef123456\nlast"));
    assertThat(l.count()).isEqualTo(3);
    assertThat(l.line(1)).isEqualTo("boom");
    assertThat(l.line(2)).isEqualTo("token=[REDACTED]");
    assertThat(l.line(3)).isEqualTo("last");
    assertThat(l.line(0)).isNull();
    assertThat(l.line(4)).isNull();
  }

  @Test
  void read_logPastTheCap_keepsTheEndWithItsRealLineNumbers() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 1000; i++) {
      sb.append("line ").append(i).append('\n');
    }
    LogLines l = LogLines.read(doc(sb.toString()), 2000);
    assertThat(l.count()).isEqualTo(1000);
    assertThat(l.last()).isEqualTo(1000);
    assertThat(l.first()).isGreaterThan(1);
    assertThat(l.line(l.first())).isEqualTo("line " + l.first());
    assertThat(l.line(1000)).isEqualTo("line 1000");
    assertThat(l.line(1)).isNull();
    assertThat(l.tail(20)).endsWith("line 999\nline 1000\n");
  }
}
