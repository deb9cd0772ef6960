package dev.cidoctor.logs;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits a byte stream into lines exactly as {@link java.io.BufferedReader#readLine()} does (a line
 * ends at \n, \r or \r\n; a last line without terminator counts), without decoding and without
 * holding more than one buffer and one line. Lines longer than {@link #MAX_LINE_BYTES} are cut: a
 * 50 MB single-line log costs 64 KiB, not 50 MB.
 *
 * <p>Line ends are found eight bytes at a time: a log line averages about 100 bytes, and testing
 * each byte twice (for \n and \r) cost more than the prefilter that reads the same bytes.
 */
public final class LineReader {
  public static final int MAX_LINE_BYTES = 64 * 1024;
  private static final int BUFFER_BYTES = 256 * 1024;

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  private static final long LF = '\n' * ONES;
  private static final long CR = '\r' * ONES;

  private LineReader() {}

  /** The index of the first \n or \r in {@code buf[from, to)}, or {@code to} when there is none. */
  static int lineEnd(byte[] buf, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(buf, i);
      long found = zeroBytes(x ^ LF) | zeroBytes(x ^ CR);
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (buf[i] == '\n' || buf[i] == '\r') {
        return i;
      }
    }
    return to;
  }

  /** The high bit of each byte of {@code x} that is zero, and no other bit. */
  private static long zeroBytes(long x) {
    return ~(((x & LOW7) + LOW7) | x | LOW7);
  }

  /** Reads {@code in} to its end, feeding every line to {@code sink}; returns the number of lines. */
  public static long read(InputStream in, LineSink sink) throws IOException {
    byte[] buf = new byte[BUFFER_BYTES];
    byte[] carry = new byte[1024];
    int carryLen = 0;
    boolean carryTruncated = false;
    boolean inLine = false; // bytes of an unfinished line are in carry
    boolean skipLf = false; // the previous buffer ended with \r
    long number = 0;
    int n;
    while ((n = in.read(buf, 0, buf.length)) != -1) {
      int start = 0;
      int i = 0;
      if (skipLf && n > 0) {
        skipLf = false;
        if (buf[0] == '\n') {
          start = 1;
          i = 1;
        }
      }
      for (; (i = lineEnd(buf, i, n)) < n; i++) {
        byte b = buf[i];
        number++;
        if (inLine) {
          int take = Math.min(i - start, MAX_LINE_BYTES - carryLen);
          if (take > 0) {
            carry = ensure(carry, carryLen + take);
            System.arraycopy(buf, start, carry, carryLen, take);
            carryLen += take;
          }
          boolean cut = carryTruncated || take < i - start;
          sink.line(number, carry, 0, carryLen, cut);
          inLine = false;
          carryLen = 0;
          carryTruncated = false;
        } else {
          int len = i - start;
          sink.line(number, buf, start, Math.min(len, MAX_LINE_BYTES), len > MAX_LINE_BYTES);
        }
        if (b == '\r') {
          if (i + 1 < n) {
            if (buf[i + 1] == '\n') {
              i++;
            }
          } else {
            skipLf = true;
          }
        }
        start = i + 1;
      }
      if (start < n) {
        int take = Math.min(n - start, MAX_LINE_BYTES - carryLen);
        if (take > 0) {
          carry = ensure(carry, carryLen + take);
          System.arraycopy(buf, start, carry, carryLen, take);
          carryLen += take;
        }
        if (take < n - start) {
          carryTruncated = true;
        }
        inLine = true;
      }
    }
    if (inLine) {
      number++;
      sink.line(number, carry, 0, carryLen, carryTruncated);
    }
    return number;
  }

  private static byte[] ensure(byte[] a, int size) {
    if (size <= a.length) {
      return a;
    }
    byte[] b = new byte[Math.max(size, Math.min(MAX_LINE_BYTES, a.length * 2))];
    System.arraycopy(a, 0, b, 0, a.length);
    return b;
  }
}
