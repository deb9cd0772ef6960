package dev.cidoctor.api;

import dev.cidoctor.ci.CiProvider;
import dev.cidoctor.ci.ResponseCache;
import dev.cidoctor.ci.github.GitHubActions;
import dev.cidoctor.config.Config;
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
import dev.cidoctor.store.LearningStore;
import java.nio.file.Path;
import dev.cidoctor.monitor.RunAnalyzer;
import dev.cidoctor.store.PatternStore;
import dev.cidoctor.store.jdbc.PatternStores;
import java.time.Clock;
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
    return GitHubActions.builder().apiUrl(settings.apiUrl()).token(settings.token()).cache(cache).clock(clock).build();
  }

  static RunAnalyzer.JobDiagnoser diagnoser(Config config) {
    return RunAnalyzer.JobDiagnoser.RULES_ONLY;
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
}
