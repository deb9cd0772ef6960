package dev.cidoctor.logs;

import java.io.IOException;
import java.io.InputStream;

/**
 * One log to analyze: a file, standard input, or one job's entry of a run-logs zip. {@code entry} is
 * the zip entry name, null otherwise; {@code job} is the job name when the input says it; {@code file}
 * is the regular file holding exactly this log (null for standard input and zip entries), which lets
 * a large log be read in parallel chunks.
 */
public record LogDocument(String input, String entry, String job, java.nio.file.Path file, Opener opener) {

  /** Opens the bytes of the document; may be called more than once for files and zip entries. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  public InputStream open() throws IOException {
    return opener.open();
  }
}
