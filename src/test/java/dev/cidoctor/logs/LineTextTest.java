package dev.cidoctor.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a person reads of a raw line: UTF-8, no BOM, no GitHub timestamp, no escape sequences. */
class LineTextTest {
  @Test
  void clean_byteOrderMark_isRemoved() {
    assertThat(clean("\uFEFFCurrent runner version: '2.333.1'")).isEqualTo("Current runner version: '2.333.1'");
  }

  @Test
  void clean_bomThenGithubTimestamp_removesBoth() {
    assertThat(clean("\uFEFF2026-04-23T07:54:32.1178690Z Current runner version")).isEqualTo("Current runner version");
  }

  @Test
  void clean_githubTimestampWithSevenFractionalDigits_isRemoved() {
    assertThat(clean("2024-12-10T00:12:50.2289674Z ##[error]Process completed with exit code 1."))
        .isEqualTo("##[error]Process completed with exit code 1.");
  }

  @Test
  void clean_timestampWithoutFraction_isRemoved() {
    assertThat(clean("2024-12-10T00:12:50Z hello")).isEqualTo("hello");
  }

  @Test
  void clean_timestampAloneOnALine_leavesAnEmptyLine() {
    assertThat(clean("2024-12-10T00:16:27.4741075Z")).isEmpty();
  }

  @Test
  void clean_timestampInsideText_isKept() {
    assertThat(clean("built at 2024-12-10T00:12:50.2289674Z ok")).isEqualTo("built at 2024-12-10T00:12:50.2289674Z ok");
  }

  @Test
  void clean_notATimestamp_isKept() {
    assertThat(clean("2024-12-10 00:12:50 INFO started")).isEqualTo("2024-12-10 00:12:50 INFO started");
  }

  @Test
  void timestampLength_githubPrefix_countsItsSpace() {
    byte[] b = "2024-12-10T00:12:50.2289674Z x".getBytes(StandardCharsets.US_ASCII);
    assertThat(LineText.timestampLength(b, 0, b.length)).isEqualTo(29);
  }

  @Test
  void clean_ansiCsiColours_areRemoved() {
    assertThat(clean("\u001b[36;1mpytest -x\u001b[0m and \u001b[1;31mFAILED\u001b[0m\u001b[K"))
        .isEqualTo("pytest -x and FAILED");
  }

  @Test
  void clean_ansiOscHyperlink_isRemoved() {
    assertThat(clean("see \u001b]8;;https://example.com/run/1\u0007the run\u001b]8;;\u0007 now"))
        .isEqualTo("see the run now");
  }

  @Test
  void clean_oscEndedByStringTerminator_isRemoved() {
    assertThat(clean("\u001b]0;window title\u001b\\text")).isEqualTo("text");
  }

  @Test
  void clean_twoByteEscape_isRemoved() {
    assertThat(clean("x\u001bMy")).isEqualTo("xy");
  }

  @Test
  void clean_escapeAtEndOfLine_isDropped() {
    assertThat(clean("done\u001b")).isEqualTo("done");
  }

  @Test
  void clean_invalidUtf8_isReplacedWithoutException() {
    byte[] b = {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0xFF, (byte) 0xC3, 'x'};
    assertThat(LineText.clean(b, 0, b.length)).isEqualTo("caf\uFFFD \uFFFD\uFFFDx");
  }

  @Test
  void clean_truncatedMultibyteSequenceAtCut_isReplaced() {
    byte[] b = "\u00e9\u00e9".getBytes(StandardCharsets.UTF_8);
    assertThat(LineText.clean(b, 0, 3)).isEqualTo("\u00e9\uFFFD");
  }

  @Test
  void clean_gitlabSectionStartAfterCarriageReturn_isReadableText() {
    // GitLab writes "section_start:TS:NAME\r\e[0K\e[0K\e[36;1mHeader\e[0;m": the \r ends a line, so the
    // header is its own line, and the \e[0K that follows the \r is stripped from it.
    assertThat(clean("\u001b[0;msection_start:1624482342:prepare_executor")).isEqualTo("section_start:1624482342:prepare_executor");
    assertThat(clean("\u001b[0K\u001b[0K\u001b[36;1mPreparing the \"docker+machine\" executor\u001b[0;m"))
        .isEqualTo("Preparing the \"docker+machine\" executor");
  }

  @Test
  void clean_lineLongerThanMaxChars_isCut() {
    String s = clean("e".repeat(LineText.MAX_CHARS + 100));
    assertThat(s).hasSize(LineText.MAX_CHARS);
  }

  @Test
  void clean_offsetAndLength_readOnlyThatRange() {
    byte[] b = "xx2024-12-10T00:12:50.2289674Z hiyy".getBytes(StandardCharsets.US_ASCII);
    assertThat(LineText.clean(b, 2, b.length - 4)).isEqualTo("hi");
  }

  private static String clean(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return LineText.clean(b, 0, b.length);
  }
}
