package dev.cidoctor.monitor;

import dev.cidoctor.config.Config;
import dev.cidoctor.config.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The monitor's settings, parsed from the configuration and validated with every problem reported at
 * once. {@code repos} comes from GITHUB_REPO (several separated by commas or spaces).
 */
public record MonitorSettings(
    List<String> repos,
    String workflow,
    Duration pollInterval,
    boolean ignoreSuccess,
    Duration firstLookback,
    long maxLogBytes,
    URI apiUrl,
    String token,
    String logLevel,
    boolean learn,
    String defaultBranch) {

  private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

  public MonitorSettings {
    repos = List.copyOf(repos);
  }

  /** Reads the settings; {@code requireRepos} is false for commands that name their repo themselves. */
  public static MonitorSettings from(Config config, boolean requireRepos) {
    List<String> problems = new ArrayList<>();
    List<String> repos = new ArrayList<>();
    String raw = config.values().getOrDefault("GITHUB_REPO", "").strip();
    for (String part : raw.split("[,\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      if (!REPO.matcher(part).matches()) {
        problems.add("GITHUB_REPO names '" + part + "', which is not OWNER/NAME");
      } else if (!repos.contains(part)) {
        repos.add(part);
      }
    }
    if (requireRepos && repos.isEmpty() && problems.isEmpty()) {
      problems.add("GITHUB_REPO is not set: name the repositories to watch, e.g. GITHUB_REPO=octo/app,octo/lib");
    }
    long poll = number(config, "POLL_INTERVAL_SECONDS", 60, 1, 86_400, problems);
    long lookback = number(config, "CIDOCTOR_LOOKBACK_HOURS", 24, 1, 24 * 30, problems);
    long maxLogMb = number(config, "CIDOCTOR_MAX_LOG_MB", 256, 1, 4096, problems);
    boolean ignoreSuccess = bool(config, "IGNORE_SUCCESS", false, problems);
    boolean learn = bool(config, "LEARN_FROM_HISTORY", true, problems);
    URI api = null;
    String apiRaw = config.values().getOrDefault("GITHUB_API_URL", "https://api.github.com").strip();
    try {
      api = URI.create(apiRaw.endsWith("/") ? apiRaw.substring(0, apiRaw.length() - 1) : apiRaw);
      if (api.getScheme() == null || !(api.getScheme().equals("https") || api.getScheme().equals("http")) || api.getHost() == null) {
        problems.add("GITHUB_API_URL must be an http(s) URL such as https://api.github.com, not '" + apiRaw + "'");
      }
    } catch (IllegalArgumentException e) {
      problems.add("GITHUB_API_URL must be an http(s) URL such as https://api.github.com, not '" + apiRaw + "'");
    }
    String level = config.values().getOrDefault("LOG_LEVEL", "INFO").strip().toUpperCase(Locale.ROOT);
    if (level.equals("WARN")) {
      level = "WARNING";
    }
    if (!List.of("DEBUG", "INFO", "WARNING", "ERROR").contains(level)) {
      problems.add("LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not '" + level + "'");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException("Invalid configuration: " + String.join("; ", problems) + ".");
    }
    String workflow = config.values().getOrDefault("GITHUB_WORKFLOW_NAME", "").strip();
    String token = config.values().getOrDefault("GITHUB_TOKEN", "").strip();
    return new MonitorSettings(repos, workflow.isEmpty() ? null : workflow, Duration.ofSeconds(poll), ignoreSuccess,
        Duration.ofHours(lookback), maxLogMb << 20, api, token.isEmpty() ? null : token, level, learn,
        config.values().getOrDefault("GITHUB_DEFAULT_BRANCH", "").isBlank() ? null : config.values().get("GITHUB_DEFAULT_BRANCH").strip());
  }

  static long number(Config config, String key, long dflt, long min, long max, List<String> problems) {
    String v = config.values().get(key);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v.strip());
      if (n < min || n > max) {
        problems.add(key + " must be between " + min + " and " + max + ", not " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(key + " must be a whole number, not '" + v.strip() + "'");
      return dflt;
    }
  }

  static boolean bool(Config config, String key, boolean dflt, List<String> problems) {
    String v = config.values().get(key);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> {
        return true;
      }
      case "false", "0", "no", "off" -> {
        return false;
      }
      default -> {
        problems.add(key + " must be true or false, not '" + v.strip() + "'");
        return dflt;
      }
    }
  }

  @Override
  public String toString() {
    // the token is a secret: never part of a printed or logged value
    return "MonitorSettings[repos=" + repos + ", workflow=" + workflow + ", pollInterval=" + pollInterval
        + ", ignoreSuccess=" + ignoreSuccess + ", firstLookback=" + firstLookback + ", maxLogBytes=" + maxLogBytes
        + ", apiUrl=" + apiUrl + ", logLevel=" + logLevel + ", token=" + (token == null ? "none" : "***") + "]";
  }
}
