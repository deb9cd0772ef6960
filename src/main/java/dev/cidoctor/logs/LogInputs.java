package dev.cidoctor.logs;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens what the user named (a path, {@code -} for standard input, or a GitHub run-logs zip) as the
 * logs to analyze, refusing with one sentence what is not a readable text log.
 */
public final class LogInputs {
  /** Total bytes a zip may expand to; a run's logs are rarely past a few hundred MB. */
  public static final long MAX_ZIP_EXPANDED_BYTES = 2L * 1024 * 1024 * 1024;
  /** Entries expanding more than this many times their compressed size (past 1 MiB) are bombs. */
  public static final long MAX_ZIP_RATIO = 200;
  public static final int MAX_ZIP_ENTRIES = 10_000;
  private static final Pattern JOB_ENTRY = Pattern.compile("(\\d+|-\\d+)_(.+)\\.txt");

  private LogInputs() {}

  /** Returns the documents named by {@code arg}; throws {@link LogInputException} for bad input. */
  public static List<LogDocument> open(String arg) {
    if (arg.equals("-")) {
      return List.of(new LogDocument("-", null, null, null, new StdinOpener()));
    }
    Path path = Path.of(arg);
    if (Files.isDirectory(path)) {
      throw new LogInputException(arg + " is a directory, not a log file.");
    }
    if (!Files.exists(path)) {
      throw new LogInputException(arg + " does not exist.");
    }
    if (!Files.isReadable(path)) {
      throw new LogInputException(arg + " cannot be read: permission denied.");
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(path)) {
      head = in.readNBytes(8192);
    } catch (NoSuchFileException e) {
      throw new LogInputException(arg + " does not exist.", e);
    } catch (AccessDeniedException e) {
      throw new LogInputException(arg + " cannot be read: permission denied.", e);
    } catch (IOException e) {
      throw new LogInputException(arg + " cannot be read: " + e.getMessage() + ".", e);
    }
    if (head.length == 0) {
      throw new LogInputException(arg + " is empty: there is no log to analyze.");
    }
    if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5) && (head[3] == 4 || head[3] == 6)) {
      return openZip(arg, path);
    }
    if (looksBinary(head, head.length)) {
      throw new LogInputException(arg + " is a binary file, not a text log.");
    }
    return List.of(new LogDocument(arg, null, null, path, () -> Files.newInputStream(path)));
  }

  /** Says whether the first bytes of an input are binary: NUL bytes or mostly control characters. */
  public static boolean looksBinary(byte[] head, int length) {
    int control = 0;
    for (int i = 0; i < length; i++) {
      int b = head[i] & 0xFF;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x1b && b != '\f' && b != '\b') {
        control++;
      }
    }
    return length > 0 && control * 10 > length;
  }

  private static List<LogDocument> openZip(String arg, Path path) {
    List<ZipEntry> entries = new ArrayList<>();
    try (ZipFile zip = new ZipFile(path.toFile())) {
      Enumeration<? extends ZipEntry> e = zip.entries();
      long declared = 0;
      while (e.hasMoreElements()) {
        ZipEntry entry = e.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        if (entries.size() >= MAX_ZIP_ENTRIES) {
          throw new LogInputException(arg + " holds more than " + MAX_ZIP_ENTRIES + " files, more than a run's logs ever do.");
        }
        declared += Math.max(0, entry.getSize());
        checkExpansion(arg, entry.getName(), entry.getSize(), entry.getCompressedSize(), declared);
        entries.add(entry);
      }
    } catch (ZipException ex) {
      throw new LogInputException(arg + " is not a readable zip archive (" + ex.getMessage() + ").", ex);
    } catch (IOException ex) {
      throw new LogInputException(arg + " cannot be read: " + ex.getMessage() + ".", ex);
    }
    List<ZipEntry> jobs = new ArrayList<>();
    for (ZipEntry entry : entries) {
      String name = entry.getName();
      if (!name.contains("/") && name.endsWith(".txt")) {
        jobs.add(entry);
      }
    }
    if (jobs.isEmpty()) {
      for (ZipEntry entry : entries) {
        if (entry.getName().endsWith(".txt") || entry.getName().endsWith(".log")) {
          jobs.add(entry);
        }
      }
    }
    if (jobs.isEmpty()) {
      throw new LogInputException(arg + " is a zip archive without any .txt or .log file in it.");
    }
    jobs.sort(Comparator.comparingLong(LogInputs::jobOrder).thenComparing(ZipEntry::getName));
    List<LogDocument> docs = new ArrayList<>();
    for (ZipEntry entry : jobs) {
      String name = entry.getName();
      Matcher m = JOB_ENTRY.matcher(name);
      String job = m.matches() ? m.group(2) : name;
      docs.add(new LogDocument(arg, name, job, null, () -> openEntry(arg, path, name)));
    }
    return docs;
  }

  private static long jobOrder(ZipEntry entry) {
    Matcher m = JOB_ENTRY.matcher(entry.getName());
    if (!m.matches()) {
      return Long.MAX_VALUE;
    }
    try {
      return Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static void checkExpansion(String arg, String entry, long size, long compressed, long total) {
    if (total > MAX_ZIP_EXPANDED_BYTES) {
      throw new LogInputException(arg + " expands past " + (MAX_ZIP_EXPANDED_BYTES >> 20) + " MiB, the limit for a run-logs zip.");
    }
    if (size > (1 << 20) && compressed > 0 && size / compressed > MAX_ZIP_RATIO) {
      throw new LogInputException(arg + " looks like a zip bomb: " + entry + " expands " + (size / compressed) + " times its compressed size.");
    }
  }

  private static InputStream openEntry(String arg, Path path, String name) throws IOException {
    ZipFile zip = new ZipFile(path.toFile());
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      zip.close();
      throw new LogInputException(arg + " no longer holds " + name + ".");
    }
    InputStream raw = zip.getInputStream(entry);
    long compressed = Math.max(1, entry.getCompressedSize());
    // Declared sizes can lie: count what really comes out.
    return new FilterInputStream(raw) {
      private long count;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          add(1);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          add(n);
        }
        return n;
      }

      private void add(int n) {
        count += n;
        checkExpansion(arg, name, count, compressed, count);
      }

      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          zip.close();
        }
      }
    };
  }

  /** Standard input, read once; refuses an empty or binary stream like a file. */
  private static final class StdinOpener implements LogDocument.Opener {
    private boolean opened;

    @Override
    public InputStream open() throws IOException {
      if (opened) {
        throw new IllegalStateException("standard input can be read only once");
      }
      opened = true;
      BufferedInputStream in = new BufferedInputStream(System.in, 65536);
      in.mark(8192);
      byte[] head = in.readNBytes(8192);
      in.reset();
      if (head.length == 0) {
        throw new LogInputException("Standard input is empty: there is no log to analyze.");
      }
      if (looksBinary(head, head.length)) {
        throw new LogInputException("Standard input is binary data, not a text log.");
      }
      return in;
    }
  }
}
