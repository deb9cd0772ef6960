package dev.cidoctor.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lines and line numbers must be exactly those of {@link BufferedReader#readLine()}: the corpus labels count that way. */
class LineReaderTest {
  private static final int BUFFER = 256 * 1024;

  /** One line as the sink saw it. */
  private record Line(long number, String text, boolean truncated, int length) {}

  @Test
  void read_lf_splitsLikeBufferedReader() throws IOException {
    assertSameAsBufferedReader("a\nb\nc\n");
  }

  @Test
  void read_cr_splitsLikeBufferedReader() throws IOException {
    assertSameAsBufferedReader("a\rb\rc");
  }

  @Test
  void read_crlf_splitsLikeBufferedReader() throws IOException {
    assertSameAsBufferedReader("a\r\nb\r\n\r\nc\r\n");
  }

  @Test
  void read_mixedTerminators_splitsLikeBufferedReader() throws IOException {
    assertSameAsBufferedReader("one\ntwo\r\nthree\rfour\n\rfive\r\r\nsix");
  }

  @Test
  void read_lastLineWithoutTerminator_isALine() throws IOException {
    List<Line> lines = read(bytes("x\ny"));
    assertThat(lines).extracting(Line::text).containsExactly("x", "y");
    assertThat(lines).extracting(Line::number).containsExactly(1L, 2L);
  }

  @Test
  void read_emptyLines_areNumbered() throws IOException {
    List<Line> lines = read(bytes("\n\nz\n\n"));
    assertThat(lines).extracting(Line::text).containsExactly("", "", "z", "");
    assertThat(lines).extracting(Line::number).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void read_emptyInput_hasNoLines() throws IOException {
    assertThat(read(new byte[0])).isEmpty();
    assertThat(LineReader.read(new ByteArrayInputStream(new byte[0]), (n, b, o, l, t) -> {})).isZero();
  }

  @Test
  void read_crlfSplitAcrossBufferBoundary_isOneTerminator() throws IOException {
    byte[] b = new byte[BUFFER + 10];
    Arrays.fill(b, (byte) 'a');
    b[99] = '\n';
    b[BUFFER - 1] = '\r';
    b[BUFFER] = '\n';
    b[BUFFER + 5] = '\r';
    assertSameAsBufferedReader(b, new OneBufferAtATime(b));
    assertThat(read(b)).hasSize(4);
  }

  @Test
  void read_lineSpanningBufferBoundary_isJoined() throws IOException {
    byte[] b = new byte[BUFFER + 100];
    Arrays.fill(b, (byte) 'q');
    b[10] = '\n';
    b[BUFFER + 50] = '\n';
    List<Line> lines = read(b);
    assertThat(lines).extracting(Line::length).containsExactly(10, LineReader.MAX_LINE_BYTES, 49);
    assertThat(lines).extracting(Line::truncated).containsExactly(false, true, false);
    assertSameAsBufferedReader(b, new OneBufferAtATime(b));
  }

  @Test
  void read_randomInputs_splitLikeBufferedReader() throws IOException {
    Random random = new Random(20240501);
    byte[] alphabet = {'a', 'b', '\n', '\r', ' ', 'x'};
    for (int round = 0; round < 300; round++) {
      byte[] b = new byte[random.nextInt(round < 297 ? 200 : 3 * BUFFER)];
      for (int i = 0; i < b.length; i++) {
        b[i] = alphabet[random.nextInt(alphabet.length)];
      }
      assertSameAsBufferedReader(b, new ByteArrayInputStream(b));
      assertSameAsBufferedReader(b, new Trickle(b, random.nextLong()));
    }
  }

  @Test
  void read_lineLongerThanMax_isCutAndFlagged() throws IOException {
    int long1 = LineReader.MAX_LINE_BYTES + 1;
    int long2 = 3 * BUFFER; // spans buffers: cut inside the carried line
    String text = "short\n" + "L".repeat(long1) + "\r\n" + "M".repeat(long2) + "\nend";
    List<Line> lines = read(bytes(text));

    assertThat(lines).extracting(Line::number).containsExactly(1L, 2L, 3L, 4L);
    assertThat(lines).extracting(Line::length).containsExactly(5, LineReader.MAX_LINE_BYTES, LineReader.MAX_LINE_BYTES, 3);
    assertThat(lines).extracting(Line::truncated).containsExactly(false, true, true, false);
    assertThat(lines.get(1).text()).isEqualTo("L".repeat(LineReader.MAX_LINE_BYTES));
  }

  @Test
  void read_lineOfExactlyMax_isNotFlagged() throws IOException {
    List<Line> lines = read(bytes("z".repeat(LineReader.MAX_LINE_BYTES) + "\n"));
    assertThat(lines).singleElement().satisfies(l -> {
      assertThat(l.length()).isEqualTo(LineReader.MAX_LINE_BYTES);
      assertThat(l.truncated()).isFalse();
    });
  }

  @Test
  void read_lastLongLineWithoutTerminator_isCutAndCounted() throws IOException {
    List<Line> lines = read(bytes("a\n" + "b".repeat(BUFFER + 7)));
    assertThat(lines).extracting(Line::number).containsExactly(1L, 2L);
    assertThat(lines.get(1).truncated()).isTrue();
    assertThat(LineReader.read(new ByteArrayInputStream(bytes("a\n" + "b".repeat(BUFFER + 7))), (n, b, o, l, t) -> {}))
        .isEqualTo(2);
  }

  @Test
  void lineEnd_findsTheFirstLineEndAtEveryOffset_amongBytesThatDifferFromItInOneBit() {
    // \n is 0x0A and \r 0x0D; 0x8A, 0x8D, 0x0B, 0x0E, 0x09 and 0x0C trip a careless word-at-a-time test
    byte[] alphabet = {'a', 0x0B, 0x0E, 0x09, 0x0C, (byte) 0x8A, (byte) 0x8D, (byte) 0xFF, 0x00, 0x7F};
    Random random = new Random(7);
    for (int trial = 0; trial < 2000; trial++) {
      byte[] b = new byte[random.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        b[i] = alphabet[random.nextInt(alphabet.length)];
      }
      if (b.length > 0 && random.nextBoolean()) {
        b[random.nextInt(b.length)] = random.nextBoolean() ? (byte) '\n' : (byte) '\r';
      }
      int from = b.length == 0 ? 0 : random.nextInt(b.length);
      int to = from + random.nextInt(b.length - from + 1);
      int expected = to;
      for (int i = from; i < to; i++) {
        if (b[i] == '\n' || b[i] == '\r') {
          expected = i;
          break;
        }
      }
      assertThat(LineReader.lineEnd(b, from, to)).as("%s from %d to %d", Arrays.toString(b), from, to).isEqualTo(expected);
    }
  }

  private static void assertSameAsBufferedReader(String text) throws IOException {
    byte[] b = bytes(text);
    assertSameAsBufferedReader(b, new ByteArrayInputStream(b));
  }

  private static void assertSameAsBufferedReader(byte[] b, InputStream in) throws IOException {
    List<String> expected = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(b), StandardCharsets.ISO_8859_1))) {
      String l;
      while ((l = r.readLine()) != null) {
        expected.add(l.length() > LineReader.MAX_LINE_BYTES ? l.substring(0, LineReader.MAX_LINE_BYTES) : l);
      }
    }
    List<Line> lines = new ArrayList<>();
    long count = LineReader.read(in, sink(lines));
    assertThat(lines.stream().map(Line::text).toList()).isEqualTo(expected);
    assertThat(count).isEqualTo(expected.size());
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).number() != i + 1) {
        assertThat(lines.get(i).number()).as("number of line " + (i + 1)).isEqualTo(i + 1);
      }
    }
  }

  private static List<Line> read(byte[] b) throws IOException {
    List<Line> lines = new ArrayList<>();
    long count = LineReader.read(new ByteArrayInputStream(b), sink(lines));
    assertThat(count).isEqualTo(lines.size());
    return lines;
  }

  private static LineSink sink(List<Line> out) {
    return (number, bytes, offset, length, truncated) ->
        out.add(new Line(number, new String(bytes, offset, length, StandardCharsets.ISO_8859_1), truncated, length));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Hands out at most one read-buffer's worth per call, so boundaries fall exactly at multiples of 256 KiB. */
  private static final class OneBufferAtATime extends ByteArrayInputStream {
    OneBufferAtATime(byte[] b) {
      super(b);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, BUFFER));
    }
  }

  /** Hands out a random small number of bytes per call, so a \r\n falls between two reads often. */
  private static final class Trickle extends ByteArrayInputStream {
    private final Random random;

    Trickle(byte[] b, long seed) {
      super(b);
      this.random = new Random(seed);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
    }
  }
}
