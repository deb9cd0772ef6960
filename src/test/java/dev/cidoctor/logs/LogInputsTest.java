package dev.cidoctor.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cidoctor.testing.BadInputs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input that is not a readable text log is refused with one sentence; the rest open as documents. */
class LogInputsTest {
  @TempDir Path dir;

  @Test
  void open_emptyFile_refusesWithSentence() throws IOException {
    Path f = Files.createFile(dir.resolve("empty.log"));
    assertThatThrownBy(() -> LogInputs.open(f.toString()))
        .isInstanceOf(LogInputException.class)
        .hasMessage(f + " is empty: there is no log to analyze.");
  }

  @Test
  void open_binaryFile_refusesWithSentence() throws IOException {
    Path f = Files.write(dir.resolve("core.bin"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
    assertThatThrownBy(() -> LogInputs.open(f.toString()))
        .isInstanceOf(LogInputException.class)
        .hasMessage(f + " is a binary file, not a text log.");
  }

  @Test
  void open_invalidUtf8File_opensAsText() throws IOException {
    Path f = Files.write(dir.resolve("latin1.log"), "caf\u00e9 error\n".getBytes(StandardCharsets.ISO_8859_1));
    List<LogDocument> docs = LogInputs.open(f.toString());
    assertThat(docs).singleElement().satisfies(d -> {
      assertThat(d.input()).isEqualTo(f.toString());
      assertThat(d.entry()).isNull();
    });
  }

  @Test
  void open_missingPath_refusesWithSentence() {
    Path f = dir.resolve("nope.log");
    assertThatThrownBy(() -> LogInputs.open(f.toString()))
        .isInstanceOf(LogInputException.class)
        .hasMessage(f + " does not exist.");
  }

  @Test
  void open_directory_refusesWithSentence() {
    assertThatThrownBy(() -> LogInputs.open(dir.toString()))
        .isInstanceOf(LogInputException.class)
        .hasMessage(dir + " is a directory, not a log file.");
  }

  @Test
  void open_corruptZip_refusesWithSentence() throws IOException {
    Path f = BadInputs.corruptZip(dir);
    assertThatThrownBy(() -> LogInputs.open(f.toString()))
        .isInstanceOf(LogInputException.class)
        .hasMessage(f + " is not a readable zip archive (zip END header not found).");
  }

  @Test
  void open_zipBomb_refusesNamingTheEntryAndRatio() throws IOException {
    Path f = BadInputs.zipBomb(dir);
    assertThat(BadInputs.ratio(f, BadInputs.BOMB_ENTRY)).isGreaterThan(LogInputs.MAX_ZIP_RATIO);
    assertThatThrownBy(() -> LogInputs.open(f.toString()))
        .isInstanceOf(LogInputException.class)
        .hasMessage(f + " looks like a zip bomb: 0_build.txt expands " + BadInputs.ratio(f, BadInputs.BOMB_ENTRY)
            + " times its compressed size.");
  }

  @Test
  void open_zipWithoutLogs_refusesWithSentence() throws IOException {
    Path f = dir.resolve("images.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
      z.putNextEntry(new ZipEntry("logo.png"));
      z.write(new byte[] {1, 2, 3});
      z.closeEntry();
    }
    assertThatThrownBy(() -> LogInputs.open(f.toString()))
        .isInstanceOf(LogInputException.class)
        .hasMessage(f + " is a zip archive without any .txt or .log file in it.");
  }

  @Test
  void open_runLogsZip_listsTopLevelJobLogsInJobOrder() throws IOException {
    Path f = dir.resolve("logs.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
      for (String name : List.of("1_test.txt", "test/1_Set up job.txt", "0_build (3.10).txt", "-5_legacy.txt")) {
        z.putNextEntry(new ZipEntry(name));
        z.write("hello\n".getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    List<LogDocument> docs = LogInputs.open(f.toString());
    assertThat(docs).extracting(LogDocument::entry).containsExactly("-5_legacy.txt", "0_build (3.10).txt", "1_test.txt");
    assertThat(docs).extracting(LogDocument::job).containsExactly("legacy", "build (3.10)", "test");
    try (InputStream in = docs.get(1).open()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello\n");
    }
  }

  @Test
  void looksBinary_textWithAnsiAndTabs_isText() {
    byte[] head = "\u001b[31mFAIL\u001b[0m\tx\r\n".getBytes(StandardCharsets.UTF_8);
    assertThat(LogInputs.looksBinary(head, head.length)).isFalse();
  }
}
