package dev.cidoctor.logs;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines exactly as {@link java.io.BufferedReader#readLine()} does (a line
 * ends at \n, \r or \r\n; a last line without terminator counts), without decoding and without
 * holding more than one buffer and one line. Lines longer than {@link #MAX_LINE_BYTES} are cut: a
 * 50 MB single-line log costs 64 KiB, not 50 MB.
 */
public final class LineReader {
  public static final int MAX_LINE_BYTES = 64 * 1024;
  private static final int BUFFER_BYTES = 256 * 1024;

  private LineReader() {}

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
      for (; i < n; i++) {
        byte b = buf[i];
        if (b != '\n' && b != '\r') {
          continue;
        }
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
