package dev.cidoctor.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last {@link #SIZE} lines of a log, kept as bytes in a ring: most lines never matter, so a line
 * is decoded only when a candidate, a failure marker or a traced exit asks for the lines before it.
 */
final class RecentLines {
  static final int SIZE = 32;

  private final byte[][] ring = new byte[SIZE][];
  private final int[] ringLen = new int[SIZE];
  private final long[] ringNo = new long[SIZE];

  RecentLines() {
    for (int i = 0; i < SIZE; i++) {
      ring[i] = new byte[256];
    }
  }

  /** Keeps a copy of line {@code number}'s bytes in place of the line {@link #SIZE} lines before it. */
  void remember(long number, byte[] bytes, int offset, int length) {
    int slot = (int) (number % SIZE);
    if (ring[slot].length < length) {
      ring[slot] = new byte[Math.max(length, ring[slot].length * 2)];
    }
    System.arraycopy(bytes, offset, ring[slot], 0, length);
    ringLen[slot] = length;
    ringNo[slot] = number;
  }

  /** Up to {@code count} lines before {@code number}, oldest first, as rules see them. */
  List<ContextLine> before(long number, int count) {
    int n = (int) Math.min(count, Math.min(SIZE - 1, number - 1));
    List<ContextLine> out = new ArrayList<>(n);
    for (long k = number - n; k < number; k++) {
      int slot = (int) (k % SIZE);
      if (ringNo[slot] == k) {
        out.add(new ContextLine(k, RuleText.of(ring[slot], 0, ringLen[slot])));
      }
    }
    return out;
  }

  /** The last lines before {@code number} (down to {@code from}) that are neither blank nor structure. */
  List<ContextLine> tail(long number, long from) {
    List<ContextLine> out = new ArrayList<>();
    for (ContextLine l : before(number, SIZE - 1)) {
      if (l.line() <= from) {
        continue;
      }
      String t = l.text().strip();
      if (t.isEmpty() || t.startsWith("travis_") || t.startsWith("section_") || t.startsWith("##[")
          || t.startsWith("[Pipeline]")) {
        continue;
      }
      out.add(l);
    }
    return out;
  }

  /** Lets the kept bytes go once the scan is over. */
  void clear() {
    Arrays.fill(ring, null);
  }
}
