package dev.cidoctor.llm;

import dev.cidoctor.analysis.Redactor;
import dev.cidoctor.logs.LineReader;
import dev.cidoctor.logs.LineText;
import dev.cidoctor.logs.LogDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of one log as the model may see them: numbered like the rule engine numbers them,
 * cleaned of colours and timestamps, and redacted (private key blocks whole). Holds the last
 * {@link #MAX_CHARS} characters or so (failures sit near the end); earlier lines are known to exist
 * but not held, so a huge log cannot exhaust the launcher's 256 MB heap.
 */
public final class LogLines {
  /** Characters held in memory (about 32 MB of text, plus ~48 bytes per line). */
  static final long MAX_CHARS = 32L << 20;
  private static final int MAX_LINE_CHARS = 1000;

  private final List<String> lines;
  private final long first;
  private final long total;

  LogLines(List<String> lines, long first, long total) {
    this.lines = List.copyOf(lines);
    this.first = first;
    this.total = total;
  }

  /** Returns lines that were already read, numbered from 1 (tests and benchmarks). */
  public static LogLines of(List<String> raw) {
    List<String> out = new ArrayList<>();
    boolean[] inKey = {false};
    for (String s : raw) {
      out.add(clean(s, inKey));
    }
    return new LogLines(out, 1, raw.size());
  }

  /** Reads and redacts a document. */
  public static LogLines read(LogDocument doc) throws IOException {
    return read(doc, MAX_CHARS);
  }

  static LogLines read(LogDocument doc, long maxChars) throws IOException {
    List<String> out = new ArrayList<>();
    long[] chars = {0};
    long[] first = {1};
    boolean[] inKey = {false};
    long n;
    try (InputStream in = doc.open()) {
      n = LineReader.read(in, (number, bytes, off, len, cut) -> {
        String s = clean(LineText.clean(bytes, off, len), inKey);
        chars[0] += s.length() + 1;
        out.add(s);
        if (chars[0] > maxChars) {
          int drop = Math.max(1, out.size() / 4); // drop a quarter at a time: amortised O(1) per line
          List<String> head = out.subList(0, drop);
          for (String h : head) {
            chars[0] -= h.length() + 1;
          }
          head.clear();
          first[0] += drop;
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new LogLines(out, first[0], n);
  }

  private static String clean(String s, boolean[] inKey) {
    if (inKey[0]) {
      if (s.contains("-----END") && s.contains("PRIVATE KEY-----")) {
        inKey[0] = false;
      }
      return Redactor.MASK;
    }
    if (s.contains("-----BEGIN") && s.contains("PRIVATE KEY-----") && !s.contains("-----END")) {
      inKey[0] = true;
    }
    String r = Redactor.redact(s);
    return r.length() > MAX_LINE_CHARS ? r.substring(0, MAX_LINE_CHARS) + " [cut]" : r;
  }

  /** Number of lines in the log (including any not held). */
  public long count() {
    return total;
  }

  /** Number of the first line held (1 unless the log was too big to hold whole). */
  public long first() {
    return first;
  }

  /** Number of the last line held. */
  public long last() {
    return first + lines.size() - 1;
  }

  /** Returns line {@code n} (1-based), or null when it is not held. */
  public String line(long n) {
    return n >= first && n <= last() ? lines.get((int) (n - first)) : null;
  }

  /** The last {@code chars} characters of the held log, as a naive sender would send them. */
  public String tail(int chars) {
    StringBuilder sb = new StringBuilder();
    for (int i = lines.size() - 1; i >= 0 && sb.length() < chars; i--) {
      sb.insert(0, lines.get(i) + "\n");
    }
    return sb.length() > chars ? sb.substring(sb.length() - chars) : sb.toString();
  }
}
