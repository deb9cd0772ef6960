package dev.cidoctor.logs;

/** Receives the lines of one log, in order; the byte range is only valid during the call. */
@FunctionalInterface
public interface LineSink {
  /**
   * Takes line {@code number} (1-based) as raw bytes without its terminator; {@code truncated} says
   * that bytes past {@link LineReader#MAX_LINE_BYTES} were dropped.
   */
  void line(long number, byte[] bytes, int offset, int length, boolean truncated);
}
