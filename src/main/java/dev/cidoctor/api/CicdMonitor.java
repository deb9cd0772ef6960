package dev.cidoctor.api;

import dev.cidoctor.analysis.Analyzer;
import dev.cidoctor.ci.CiProvider;
import dev.cidoctor.config.Config;
import dev.cidoctor.config.ConfigException;
import dev.cidoctor.model.RunAnalysis;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.monitor.Learning;
import dev.cidoctor.monitor.Monitor;
import dev.cidoctor.monitor.MonitorPrinter;
import dev.cidoctor.monitor.MonitorSettings;
import dev.cidoctor.monitor.RunAnalyzer;
import dev.cidoctor.monitor.RunListener;
import dev.cidoctor.report.RunReport;
import dev.cidoctor.store.PatternStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches GitHub Actions and explains failed runs, from Java: {@code analyzeWorkflowRun(runId)} returns
 * the root cause, the fix and the cost; {@code startDaemon(pollInterval)} polls until {@link #stop()}.
 * Built from a token, repositories and an optional LLM key, or from the same configuration as the
 * command line. Close it to close the pattern store.
 */
public final class CicdMonitor implements AutoCloseable {
  private final MonitorSettings settings;
  private final PatternStore store;
  private final CiProvider ci;
  private final RunAnalyzer analyzer;
  private final Monitor monitor;
  private final Clock clock;

  private CicdMonitor(Config config, MonitorSettings settings, PrintWriter out, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.store = Adapters.store(config);
    try {
      this.ci = Adapters.github(settings, store, clock);
      Analyzer engine = Analyzer.withRules(config.rulePaths());
      this.analyzer = new RunAnalyzer(ci, engine, Adapters.diagnoser(config, ci, store, clock), settings.maxLogBytes(), clock);
      List<RunListener> listeners = new ArrayList<>();
      if (out != null) {
        listeners.add(new MonitorPrinter(out, clock, settings.ignoreSuccess(), settings.logLevel()));
      }
      String owner = owner(config);
      Adapters.notifier(config, store, clock, owner).ifPresent(listeners::add);
      this.monitor = new Monitor(ci, store, analyzer, settings, listeners, clock, owner);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * Builds a monitor from the command line's configuration; {@code out} receives one line per
   * processed run (null for none); {@code requireRepos} is false when the caller names the repo per call.
   */
  public static CicdMonitor fromConfig(Config config, PrintWriter out, boolean requireRepos) {
    return new CicdMonitor(config, MonitorSettings.from(config, requireRepos), out, Clock.systemDefaultZone());
  }

  /** Starts a builder: {@code CicdMonitor.builder().githubToken(t).repo("octo/app").build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Analyzes the latest attempt of run {@code runId} of the (only) configured repo. */
  public RunResult analyzeWorkflowRun(long runId) {
    if (settings.repos().size() != 1) {
      throw new ConfigException("analyzeWorkflowRun(runId) needs exactly one repo; use analyzeWorkflowRun(repo, runId, attempt).");
    }
    return analyzeWorkflowRun(settings.repos().get(0), runId, null);
  }

  /** Analyzes one run attempt ({@code attempt} null: the latest) and records it in the pattern store. */
  public RunResult analyzeWorkflowRun(String repo, long runId, Integer attempt) {
    return analyze(ci.run(repo, runId, attempt));
  }

  /** Analyzes a run the caller already fetched, and records it when it completed. */
  public RunResult analyze(WorkflowRun run) {
    RunAnalysis a = analyzer.analyze(run);
    if (run.completed()) {
      store.recordRun(run, a.jobs(), clock.instant());
      if (settings.learn()) {
        a = Learning.enrich(a, store, settings.defaultBranch(), clock.instant());
      }
    }
    var lead = RunReport.lead(a);
    return new RunResult(lead == null ? null : lead.summary(), lead == null ? null : lead.suggestion(),
        a.cost().dollars(), lead, a);
  }

  /** Polls the repositories every {@code pollIntervalSeconds} until {@link #stop()}; blocks. */
  public void startDaemon(int pollIntervalSeconds) {
    if (pollIntervalSeconds < 1) {
      throw new IllegalArgumentException("pollIntervalSeconds must be 1 or more: " + pollIntervalSeconds);
    }
    monitor.runDaemon(Duration.ofSeconds(pollIntervalSeconds));
  }

  /** Polls every repository once. */
  public Monitor.Cycle pollOnce() {
    return monitor.pollOnce();
  }

  /** Makes {@link #startDaemon} return after the run in hand; safe from any thread. */
  public void stop() {
    monitor.stop();
  }

  public Monitor monitor() {
    return monitor;
  }

  public PatternStore store() {
    return store;
  }

  public CiProvider ci() {
    return ci;
  }

  public RunAnalyzer analyzer() {
    return analyzer;
  }

  public MonitorSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    store.close();
  }

  /**
   * Who holds claims: CIDOCTOR_INSTANCE_ID, else this host and working folder, so a daemon restarted in
   * place takes its own unfinished claims back at once instead of waiting for their lease to end.
   */
  static String owner(Config config) {
    String id = config.values().get("CIDOCTOR_INSTANCE_ID");
    if (id != null && !id.isBlank()) {
      return id.strip();
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "localhost";
    }
    return host + ":" + Path.of("").toAbsolutePath();
  }

  /** Collects the settings of a monitor; every value not given comes from the environment's defaults. */
  public static final class Builder {
    private final Map<String, String> values = new HashMap<>();
    private final List<Path> rules = new ArrayList<>();
    private PrintWriter out;
    private Clock clock = Clock.systemDefaultZone();

    private Builder() {}

    public Builder githubToken(String token) {
      return put("GITHUB_TOKEN", token);
    }

    /** One or more OWNER/NAME repositories. */
    public Builder repo(String... repos) {
      return put("GITHUB_REPO", String.join(",", repos));
    }

    public Builder workflow(String nameOrFile) {
      return put("GITHUB_WORKFLOW_NAME", nameOrFile);
    }

    /** An OpenAI key: failures the rules are unsure of are then explained by the model. */
    public Builder openaiApiKey(String key) {
      return put("OPENAI_API_KEY", key);
    }

    public Builder apiUrl(String url) {
      return put("GITHUB_API_URL", url);
    }

    public Builder patternDbPath(Path file) {
      return put("PATTERN_DB_PATH", file.toString());
    }

    /** Any other configuration key of the command line (POLL_INTERVAL_SECONDS, DATABASE_URL ...). */
    public Builder set(String key, String value) {
      return put(key, value);
    }

    public Builder rules(Path fileOrFolder) {
      rules.add(fileOrFolder);
      return this;
    }

    /** Prints one line per processed run there, as {@code cidoctor monitor} does. */
    public Builder printTo(PrintWriter out) {
      this.out = out;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    private Builder put(String key, String value) {
      if (value != null) {
        values.put(key, value);
      }
      return this;
    }

    public CicdMonitor build() {
      Config config = new Config(rules, values);
      return new CicdMonitor(config, MonitorSettings.from(config, true), out, clock);
    }
  }
}
