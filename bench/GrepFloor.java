import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A floor for the foundation issue's speed target: the fastest Java we wrote for grep's own job
 * ({@code grep -c -i -E 'error|fail'}), with none of cidoctor's work. The file is memory-mapped, cut
 * at line ends into one piece per core, and each piece goes once through a per-byte state machine
 * for the two words. bench/run.sh times it beside grep and cidoctor; it is not part of the product.
 * Whatever cidoctor does costs at least this much plus its own start-up, since it too must look at
 * every byte.
 */
public final class GrepFloor {
  private GrepFloor() {}

  public static void main(String[] args) throws Exception {
    int threads = Runtime.getRuntime().availableProcessors();
    try (FileChannel ch = FileChannel.open(Path.of(args[0])); Arena arena = Arena.ofShared()) {
      long size = ch.size();
      MemorySegment seg = ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
      long[] cut = new long[threads + 1];
      cut[threads] = size;
      for (int t = 1; t < threads; t++) {
        long p = Math.max(cut[t - 1], size * t / threads);
        while (p < size && seg.get(ValueLayout.JAVA_BYTE, p) != '\n') {
          p++;
        }
        cut[t] = Math.min(size, p + 1);
      }
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<Long>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long from = cut[t];
        long to = cut[t + 1];
        parts.add(pool.submit(() -> count(seg, from, to)));
      }
      long total = 0;
      for (Future<Long> f : parts) {
        total += f.get();
      }
      pool.shutdown();
      System.out.println(total);
    }
  }

  /** Lines in [from, to) holding "error" or "fail" in any ASCII case. */
  static long count(MemorySegment seg, long from, long to) {
    long lines = 0;
    boolean hit = false;
    int state = 0; // how much of "error" (1-4) or "fail" (11-13) the last bytes spell
    for (long p = from; p < to; p++) {
      int b = seg.get(ValueLayout.JAVA_BYTE, p);
      if (b == '\n') {
        if (hit) {
          lines++;
        }
        hit = false;
        state = 0;
        continue;
      }
      if (hit) {
        continue;
      }
      b |= 0x20; // ASCII lower case (and harmless for the other bytes compared below)
      int restart = b == 'e' ? 1 : b == 'f' ? 11 : 0;
      switch (state) {
        case 1 -> state = b == 'r' ? 2 : restart;
        case 2 -> state = b == 'r' ? 3 : restart;
        case 3 -> state = b == 'o' ? 4 : restart;
        case 4 -> {
          hit = b == 'r';
          state = restart;
        }
        case 11 -> state = b == 'a' ? 12 : restart;
        case 12 -> state = b == 'i' ? 13 : restart;
        case 13 -> {
          hit = b == 'l';
          state = restart;
        }
        default -> state = restart;
      }
    }
    return hit ? lines + 1 : lines;
  }
}
