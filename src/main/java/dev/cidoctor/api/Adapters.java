package dev.cidoctor.api;

import dev.cidoctor.ci.CiProvider;
import dev.cidoctor.ci.ResponseCache;
import dev.cidoctor.ci.github.GitHubActions;
import dev.cidoctor.config.Config;
import dev.cidoctor.config.ConfigException;
import dev.cidoctor.llm.FileAnswerCache;
import dev.cidoctor.llm.KnownFix;
import dev.cidoctor.llm.KnownFixes;
import dev.cidoctor.llm.LlmAnalysis;
import dev.cidoctor.llm.LlmException;
import dev.cidoctor.llm.LlmOutcome;
import dev.cidoctor.llm.LlmSettings;
import dev.cidoctor.llm.LogLines;
import dev.cidoctor.llm.Pricing;
import dev.cidoctor.llm.RunContext;
import dev.cidoctor.llm.SpendLedger;
import dev.cidoctor.llm.langchain4j.LangChainModels;
import dev.cidoctor.logs.LogDocument;
import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.monitor.MonitorSettings;
import dev.cidoctor.monitor.NotifyingListener;
import dev.cidoctor.monitor.RunListener;
import dev.cidoctor.notify.Channels;
import dev.cidoctor.notify.Dispatcher;
import dev.cidoctor.notify.InMemoryOutbox;
import dev.cidoctor.notify.Notifier;
import dev.cidoctor.notify.Outbox;
import dev.cidoctor.notify.Router;
import dev.cidoctor.notify.Routing;
import dev.cidoctor.notify.RoutingLoader;
import dev.cidoctor.store.FailureHistory;
import dev.cidoctor.store.LearningStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.cidoctor.monitor.RunAnalyzer;
import dev.cidoctor.store.PatternStore;
import dev.cidoctor.store.jdbc.PatternStores;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the adapters from the configuration: the one place that names their technologies. */
final class Adapters {
  private Adapters() {}

  static PatternStore store(Config config) {
    return PatternStores.open(config);
  }

  /** The GitHub client, keeping its ETags in the store so a restarted daemon's first poll is free too. */
  static CiProvider github(MonitorSettings settings, PatternStore store, Clock clock) {
    ResponseCache cache = new ResponseCache() {
      @Override
      public Optional<byte[]> get(String key) {
        return store.cached(key);
      }

      @Override
      public void put(String key, byte[] value) {
        store.cache(key, value);
      }
    };
    return GitHubActions.builder().apiUrl(settings.apiUrl().toString()).token(settings.token()).cache(cache).clock(clock).build();
  }

  /**
   * The rules alone, or, when a model is configured (OPENAI_API_KEY, ANTHROPIC_API_KEY, OLLAMA_BASE_URL
   * ...), the rules refined by the model for the jobs they are unsure of, with the GitHub tools.
   */
  static RunAnalyzer.JobDiagnoser diagnoser(Config config, CiProvider ci, PatternStore store, Clock clock) {
    Optional<LlmSettings> settings;
    try {
      settings = LlmSettings.from(config.values());
    } catch (LlmException e) {
      throw new ConfigException(e.getMessage());
    }
    if (settings.isEmpty()) {
      return RunAnalyzer.JobDiagnoser.RULES_ONLY;
    }
    LlmSettings s = settings.get();
    Path cache = s.cacheDir() != null ? s.cacheDir()
        : Path.of(System.getProperty("user.home"), ".cache", "cidoctor", "answers");
    LlmAnalysis llm;
    try {
      llm = new LlmAnalysis(LangChainModels.create(s), s, Pricing.load(s.prices()), new FileAnswerCache(cache),
          knownFixes(store, clock), SpendLedger.NONE /* the monitor records spend with each job */, clock,
          d -> Thread.sleep(d.toMillis()));
    } catch (LlmException e) {
      throw new ConfigException(e.getMessage());
    }
    return (run, job, log, rules) -> {
      if (!LlmAnalysis.unsure(rules)) {
        return new RunAnalyzer.JobDiagnoser.Refined(rules, AnalysisCost.NONE);
      }
      try {
        LogLines lines = LogLines.read(new LogDocument(rules.input(), null, job.name(), log, () -> Files.newInputStream(log)));
        LlmOutcome out = llm.explain(rules, lines, new RunContext(ci, run, job));
        return new RunAnalyzer.JobDiagnoser.Refined(out.diagnosis(), out.cost());
      } catch (IOException | LlmException e) {
        return new RunAnalyzer.JobDiagnoser.Refined(rules, AnalysisCost.NONE); // the rules' answer stands
      }
    };
  }

  /**
   * The notification listener when at least one channel is configured (SLACK_WEBHOOK_URL, EMAIL_ENABLED
   * ...), with routing from NOTIFY_CONFIG and the durable outbox in the pattern store; else empty.
   */
  static Optional<RunListener> notifier(Config config, PatternStore store, Clock clock, String owner) {
    Map<String, Notifier> channels = Channels.configured(config.values());
    if (channels.isEmpty()) {
      return Optional.empty();
    }
    String file = config.values().get("NOTIFY_CONFIG");
    Routing routing = file == null || file.isBlank() ? Routing.defaults() : RoutingLoader.load(Path.of(file.strip()));
    Outbox outbox = store instanceof LearningStore l ? PatternStores.outbox(l) : new InMemoryOutbox();
    return Optional.of(new NotifyingListener(store, new Router(routing), channels.keySet(), outbox,
        Dispatcher.standard(outbox, channels, owner), clock));
  }

  /** The model's similar_failures tool: the store's history of the same fingerprint and its last fix. */
  static KnownFixes knownFixes(PatternStore store, Clock clock) {
    if (!(store instanceof FailureHistory h)) {
      return KnownFixes.NONE;
    }
    return (d, limit) -> {
      if (limit < 1 || d.fingerprint() == null) {
        return List.of();
      }
      return h.history(d.fingerprint(), clock.instant()).filter(x -> x.occurrences() > 1)
          .map(x -> List.of(new KnownFix(x.fingerprint(), x.name() + " (seen in " + String.join(", ", x.repos()) + ")",
              x.lastFix().map(f -> "fixed by " + f.shortSha() + (f.message() == null ? "" : " \"" + f.message() + "\"") + " on "
                  + f.at() + " in " + f.repo()).orElse("no fix recorded yet"), (int) Math.min(Integer.MAX_VALUE, x.occurrences()))))
          .orElse(List.of());
    };
  }
}
