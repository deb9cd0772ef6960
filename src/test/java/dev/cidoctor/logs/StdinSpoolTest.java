package dev.cidoctor.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standard input kept in a private temporary file that opens any number of times and is deleted afterwards. */
class StdinSpoolTest {
  @TempDir Path dir;

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private long files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  @Test
  void of_textInput_opensTwiceAsDocumentNamedDash() throws IOException {
    try (StdinSpool spool = StdinSpool.of(text("line 1\nERROR: boom\n"), 1 << 20, dir)) {
      LogDocument doc = spool.documents().get(0);

      assertThat(doc.input()).isEqualTo("-");
      try (InputStream a = doc.open(); InputStream b = doc.open()) {
        assertThat(new String(a.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("line 1\nERROR: boom\n");
        assertThat(new String(b.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("line 1\nERROR: boom\n");
      }
    }
  }

  @Test
  void close_spooledInput_deletesTheTemporaryFile() throws IOException {
    StdinSpool spool = StdinSpool.of(text("ERROR: boom\n"), 1 << 20, dir);
    assertThat(files()).isEqualTo(1);

    spool.close();

    assertThat(spool.file()).doesNotExist();
    assertThat(files()).isZero();
  }

  @Test
  void of_posixFileSystem_fileIsReadableByItsOwnerOnly() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    try (StdinSpool spool = StdinSpool.of(text("token=abc\n"), 1 << 20, dir)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.file()))).isEqualTo("rw-------");
    }
  }

  @Test
  void of_inputPastTheLimit_refusesAndLeavesNoFile() throws IOException {
    byte[] big = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> StdinSpool.of(new ByteArrayInputStream(big), 4096, dir))
        .isInstanceOf(LogInputException.class)
        .hasMessage("Standard input is larger than 4096 bytes, the most cidoctor keeps for a second reading; pass the log as a file.");
    assertThat(files()).isZero();
  }

  @Test
  void of_emptyInput_refusesWithSentenceAndLeavesNoFile() throws IOException {
    assertThatThrownBy(() -> StdinSpool.of(text(""), 4096, dir))
        .isInstanceOf(LogInputException.class)
        .hasMessage("Standard input is empty: there is no log to analyze.");
    assertThat(files()).isZero();
  }

  @Test
  void of_binaryInput_refusesWithSentenceAndLeavesNoFile() throws IOException {
    assertThatThrownBy(() -> StdinSpool.of(new ByteArrayInputStream(new byte[] {0x7f, 'E', 'L', 'F', 0, 0}), 4096, dir))
        .isInstanceOf(LogInputException.class)
        .hasMessage("Standard input is binary data, not a text log.");
    assertThat(files()).isZero();
  }

  @Test
  void of_streamLargerThanTheBuffer_copiesEveryByteInOrder() throws IOException {
    long size = 3L * 65536 + 17;
    InputStream generated = new InputStream() {
      private long pos;

      @Override
      public int read() {
        return pos < size ? 'a' + (int) (pos++ % 26) : -1;
      }
    };
    try (StdinSpool spool = StdinSpool.of(generated, 1 << 20, dir)) {
      byte[] all = Files.readAllBytes(spool.file());
      assertThat(all).hasSize((int) size);
      assertThat(all[(int) size - 1]).isEqualTo((byte) ('a' + (size - 1) % 26));
    }
  }
}
