package dev.cidoctor.cli;

import dev.cidoctor.api.CicdMonitor;
import dev.cidoctor.config.Config;
import dev.cidoctor.monitor.Monitor;
import dev.cidoctor.monitor.MonitorSettings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cidoctor monitor --once|--daemon}: watches GitHub Actions and explains every failed run once. */
@Command(name = "monitor", mixinStandardHelpOptions = true,
    description = {"Watches GitHub Actions: every completed run attempt is processed once; failed jobs are diagnosed and recorded.",
        "Reads GITHUB_TOKEN, GITHUB_REPO (several separated by commas), GITHUB_WORKFLOW_NAME, POLL_INTERVAL_SECONDS,",
        "IGNORE_SUCCESS, GITHUB_API_URL, CIDOCTOR_LOOKBACK_HOURS (first start), PATTERN_DB_PATH or DATABASE_URL, LOG_FILE."},
    footer = {"", ExitCode.HELP})
final class MonitorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  static final class Mode {
    @Option(names = "--once", description = "Poll every repo once, process what completed, and exit.") boolean once;
    @Option(names = "--daemon", description = "Poll every POLL_INTERVAL_SECONDS until stopped (SIGTERM finishes the run in hand).") boolean daemon;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Mode mode;

  @Option(names = "--repo", paramLabel = "OWNER/NAME", description = "Repository to watch (repeatable); replaces GITHUB_REPO.")
  List<String> repos = new ArrayList<>();

  @Option(names = "--interval", paramLabel = "SECONDS", description = "Poll interval; replaces POLL_INTERVAL_SECONDS.")
  Integer interval;

  @Override
  public Integer call() {
    Config config = overridden(Main.config());
    MonitorSettings settings = MonitorSettings.from(config, true);
    PrintWriter out = Wiring.tee(spec.commandLine().getOut(), config);
    try (CicdMonitor d = CicdMonitor.fromConfig(config, out, true)) {
      Monitor monitor = d.monitor();
      if (mode.once) {
        Monitor.Cycle c = monitor.pollOnce();
        out.println("Checked " + settings.repos().size() + (settings.repos().size() == 1 ? " repo" : " repos") + ": "
            + c.listed() + " recent runs, " + c.processed() + " processed, " + c.failedToProcess() + " to retry, "
            + c.reposSkipped() + " skipped.");
        out.flush();
        return c.reposSkipped() == settings.repos().size() ? ExitCode.CI : ExitCode.OK;
      }
      out.println(" cidoctor monitor " + Main.VERSION);
      out.println("\ud83d\udce1 Monitoring: " + String.join(", ", settings.repos())
          + (settings.workflow() == null ? "" : " (workflow " + settings.workflow() + ")"));
      out.println("\ud83d\udd04 Polling every " + settings.pollInterval().toSeconds() + " seconds...");
      out.println();
      out.flush();
      // SIGTERM: stop polling, let the run in hand finish, then let the JVM exit. The hook waits for
      // this latch, not for the thread: Main calls System.exit, which would wait for the hook.
      java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
      Thread hook = new Thread(() -> {
        monitor.stop();
        try {
          done.await(2, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "cidoctor-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        monitor.runDaemon(settings.pollInterval());
        out.println("Stopped.");
        out.flush();
      } finally {
        done.countDown();
      }
      return ExitCode.OK;
    }
  }

  private Config overridden(Config config) {
    Map<String, String> values = new HashMap<>(config.values());
    if (!repos.isEmpty()) {
      values.put("GITHUB_REPO", String.join(",", repos));
    }
    if (interval != null) {
      values.put("POLL_INTERVAL_SECONDS", String.valueOf(interval));
    }
    return new Config(config.rulePaths(), values);
  }
}
