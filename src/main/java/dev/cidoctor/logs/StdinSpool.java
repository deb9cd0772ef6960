package dev.cidoctor.logs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Standard input copied to a temporary file so that it can be read more than once (by the rule engine,
 * then by the language model's tools). The copy streams through a 64 KiB buffer, stops at a byte limit,
 * is readable by its owner only (logs hold secrets), and is deleted on {@link #close()}.
 */
public final class StdinSpool implements AutoCloseable {
  /** Bytes spooled at most: the limit a run-logs zip may expand to, far past any real job log. */
  public static final long MAX_BYTES = LogInputs.MAX_ZIP_EXPANDED_BYTES;

  private final Path file;

  private StdinSpool(Path file) {
    this.file = file;
  }

  /** Copies all of {@code in} to a new temporary file; refuses empty, binary or oversized input. */
  public static StdinSpool of(InputStream in) {
    return of(in, MAX_BYTES, null);
  }

  /** {@code dir} null means the system's temporary folder. */
  static StdinSpool of(InputStream in, long maxBytes, Path dir) {
    Path file;
    try {
      file = createPrivate(dir);
    } catch (IOException e) {
      throw new LogInputException("Standard input cannot be kept for a second reading: no temporary file (" + e.getMessage() + ").", e);
    }
    try {
      copy(in, file, maxBytes);
      return new StdinSpool(file);
    } catch (RuntimeException | IOException e) {
      deleteQuietly(file);
      if (e instanceof LogInputException lie) {
        throw lie;
      }
      throw new LogInputException("Standard input cannot be kept for a second reading: " + e.getMessage() + ".", e);
    }
  }

  private static Path createPrivate(Path dir) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    var attrs = posix
        ? new java.nio.file.attribute.FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new java.nio.file.attribute.FileAttribute<?>[0];
    return dir == null ? Files.createTempFile("cidoctor-stdin-", ".log", attrs) : Files.createTempFile(dir, "cidoctor-stdin-", ".log", attrs);
  }

  private static void copy(InputStream in, Path file, long maxBytes) throws IOException {
    byte[] buf = new byte[65536];
    long total = 0;
    boolean checked = false;
    try (OutputStream out = Files.newOutputStream(file)) {
      int n;
      while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
        if (!checked) {
          checked = true;
          if (LogInputs.looksBinary(buf, Math.min(n, 8192))) {
            throw new LogInputException("Standard input is binary data, not a text log.");
          }
        }
        total += n;
        if (total > maxBytes) {
          throw new LogInputException("Standard input is larger than " + describe(maxBytes)
              + ", the most cidoctor keeps for a second reading; pass the log as a file.");
        }
        out.write(buf, 0, n);
      }
    }
    if (total == 0) {
      throw new LogInputException("Standard input is empty: there is no log to analyze.");
    }
  }

  private static String describe(long bytes) {
    return bytes >= (1 << 20) && bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
  }

  /** The spooled log as a document named {@code -}, which may be opened any number of times. */
  public List<LogDocument> documents() {
    return List.of(new LogDocument("-", null, null, file, () -> Files.newInputStream(file)));
  }

  /** The temporary file, for tests. */
  Path file() {
    return file;
  }

  /** Deletes the temporary file. */
  @Override
  public void close() {
    deleteQuietly(file);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      file.toFile().deleteOnExit(); // e.g. still open on Windows; try again when the JVM ends
    }
  }
}
