package dev.cidoctor.cli;

import dev.cidoctor.analysis.Analyzer;
import dev.cidoctor.model.Diagnosis;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cidoctor bench LOG}: analyzes a log several times in-process and prints throughput and heap figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measures in-process analysis throughput (MB/s) and peak heap on LOG.",
        "Whole-process timings against grep are in bench/run.sh."})
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "LOG")
  Path log;

  @Option(names = "--iterations", description = "Measured runs after one warm-up run (default 5).")
  int iterations = 5;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(log)) {
      throw new UsageException(log + " is not a file.");
    }
    PrintWriter out = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    Analyzer analyzer = Analyzer.withRules(List.of());
    long loadNs = System.nanoTime() - t0;
    long size = Files.size(log);
    out.println(String.format(Locale.ROOT, "rules: %d, prefilter literals: %d, loaded in %.1f ms",
        analyzer.knowledgeBase().rules().size(), analyzer.knowledgeBase().literalCount(), loadNs / 1e6));
    double best = 0;
    double sum = 0;
    Diagnosis d = null;
    for (int i = 0; i <= iterations; i++) {
      long s = System.nanoTime();
      try (InputStream in = new BufferedInputStream(Files.newInputStream(log), 1 << 16)) {
        d = analyzer.analyze(log.toString(), null, null, in);
      }
      double secs = (System.nanoTime() - s) / 1e9;
      double mbps = size / 1e6 / secs;
      out.println(String.format(Locale.ROOT, "%s %d: %.3f s, %.0f MB/s", i == 0 ? "warm-up" : "run", i, secs, mbps));
      if (i > 0) {
        best = Math.max(best, mbps);
        sum += mbps;
      }
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    out.println(String.format(Locale.ROOT, "size: %.1f MB, mean: %.0f MB/s, best: %.0f MB/s, peak heap: %.0f MB",
        size / 1e6, sum / iterations, best, peak / 1e6));
    out.println("primary: " + (d.primary() == null ? "none" : "line " + d.primary().line() + " (" + d.ruleId() + ")"));
    return ExitCode.OK;
  }
}
