package dev.cidoctor.api;

import dev.cidoctor.ci.CiProvider;
import dev.cidoctor.ci.ResponseCache;
import dev.cidoctor.ci.github.GitHubActions;
import dev.cidoctor.config.Config;
import dev.cidoctor.monitor.MonitorSettings;
import dev.cidoctor.monitor.RunAnalyzer;
import dev.cidoctor.store.PatternStore;
import dev.cidoctor.store.jdbc.PatternStores;
import java.time.Clock;
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
}
