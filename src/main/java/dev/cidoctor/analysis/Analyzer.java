package dev.cidoctor.analysis;

import dev.cidoctor.logs.LogDocument;
import dev.cidoctor.model.Diagnosis;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Diagnoses one failed CI log offline: streams it once through the rules and the generic scorer and
 * returns the root cause with its evidence. A large regular file is scanned in parallel chunks cut at
 * line ends and merged in order. Thread-safe; one instance serves any number of logs.
 */
public final class Analyzer {
  /** Files at least this big are scanned in parallel, one chunk per core (at most 4). */
  static final long PARALLEL_MIN_BYTES = 32L << 20;
  private static final int MAX_CHUNKS = 4;

  private final KnowledgeBase kb;

  public Analyzer(List<Rule> rules) {
    this.kb = new KnowledgeBase(rules);
  }

  /** Returns an analyzer with the built-in knowledge base plus the user's rule files or folders. */
  public static Analyzer withRules(List<Path> userRuleFiles) {
    return withRules(userRuleFiles, true);
  }

  /**
   * Returns an analyzer with the user's rule files or folders, plus the built-in knowledge base when
   * {@code builtIn} (without it and without user rules: the generic engine alone).
   */
  public static Analyzer withRules(List<Path> userRuleFiles, boolean builtIn) {
    return new Analyzer(builtIn ? RuleLoader.load(userRuleFiles) : RuleLoader.loadOnly(userRuleFiles));
  }

  public KnowledgeBase knowledgeBase() {
    return kb;
  }

  /** Analyzes a document (file, standard input or zip entry). */
  public Diagnosis analyze(LogDocument doc) throws IOException {
    if (doc.file() != null) {
      long size = Files.size(doc.file());
      if (size >= PARALLEL_MIN_BYTES) {
        int chunks = Math.min(MAX_CHUNKS, Runtime.getRuntime().availableProcessors());
        if (chunks > 1) {
          return analyzeFile(doc.file(), doc.input(), doc.job(), chunks);
        }
      }
    }
    try (InputStream in = doc.open()) {
      return analyze(doc.input(), doc.entry(), doc.job(), in);
    }
  }

  /** Analyzes the bytes of {@code in}; {@code entry} names the zip entry, or is null. */
  public Diagnosis analyze(String input, String entry, String job, InputStream in) throws IOException {
    Scanner scan = new Scanner(kb);
    scan.read(in);
    scan.finish();
    return new Diagnoser(scan, input, entry, job).diagnose();
  }

  /** Scans {@code file} in {@code chunks} parallel pieces cut after a \n, then merges them in order. */
  Diagnosis analyzeFile(Path file, String input, String job, int chunks) throws IOException {
    long[] bounds = boundaries(file, chunks);
    int n = bounds.length - 1;
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "cidoctor-scan");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Scanner>> parts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        long from = bounds[i];
        long to = bounds[i + 1];
        parts.add(pool.submit(() -> {
          Scanner s = new Scanner(kb);
          try (InputStream in = slice(file, from, to)) {
            s.read(in);
          }
          s.finish();
          return s;
        }));
      }
      Scanner whole = null;
      for (Future<Scanner> f : parts) {
        Scanner s = get(f);
        if (whole == null) {
          whole = s;
        } else {
          whole.merge(s);
        }
      }
      whole.finish();
      return new Diagnoser(whole, input, null, job).diagnose();
    } finally {
      pool.shutdownNow();
    }
  }

  /** Chunk starts (and the file size last): each start but the first follows a \n. */
  static long[] boundaries(Path file, int chunks) throws IOException {
    long size = Files.size(file);
    List<Long> out = new ArrayList<>();
    out.add(0L);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
      for (int k = 1; k < chunks; k++) {
        long pos = Math.max(size * k / chunks, out.get(out.size() - 1));
        long cut = -1;
        while (cut < 0 && pos < size) {
          buf.clear();
          int r = ch.read(buf, pos);
          if (r <= 0) {
            break;
          }
          for (int i = 0; i < r; i++) {
            if (buf.get(i) == '\n') {
              cut = pos + i + 1;
              break;
            }
          }
          pos += r;
        }
        if (cut > 0 && cut < size && cut > out.get(out.size() - 1)) {
          out.add(cut);
        }
      }
    }
    out.add(size);
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  private static InputStream slice(Path file, long from, long to) throws IOException {
    InputStream raw = Files.newInputStream(file);
    raw.skipNBytes(from);
    return new FilterInputStream(raw) {
      private long left = to - from;

      @Override
      public int read() throws IOException {
        if (left <= 0) {
          return -1;
        }
        int b = super.read();
        if (b >= 0) {
          left--;
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) {
          return -1;
        }
        int n = super.read(b, off, (int) Math.min(len, left));
        if (n > 0) {
          left -= n;
        }
        return n;
      }
    };
  }

  private static Scanner get(Future<Scanner> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while scanning", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }
}
