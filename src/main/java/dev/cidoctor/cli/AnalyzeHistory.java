package dev.cidoctor.cli;

import dev.cidoctor.config.Config;
import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Job;
import dev.cidoctor.model.JobOutcome;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.store.History;
import dev.cidoctor.store.HistoryText;
import dev.cidoctor.store.LearningStore;
import dev.cidoctor.store.StoreException;
import dev.cidoctor.store.jdbc.PatternStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code analyze LOG} adds when LEARN_FROM_HISTORY is on: records each diagnosis of a local input
 * in the pattern store (repo {@code local}, one run per input path, so analyzing a file again updates
 * it) and returns what the store remembers about each, as lines to print under the diagnosis.
 */
final class AnalyzeHistory {
  static final String LEARN_KEY = "LEARN_FROM_HISTORY";
  static final String LOCAL_REPO = "local";

  private AnalyzeHistory() {}

  /** The --history / --no-history flag when given, else LEARN_FROM_HISTORY (default true). */
  static boolean enabled(Config config, Boolean flag) {
    if (flag != null) {
      return flag;
    }
    String v = config.values().getOrDefault(LEARN_KEY, "true").strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "", "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new dev.cidoctor.config.ConfigException(LEARN_KEY + " must be true or false, not '" + v + "'.");
    };
  }

  static LearningStore open(Config config, Path db) {
    return db != null ? PatternStores.sqlite(db) : PatternStores.open(config);
  }

  /**
   * Records the diagnoses of {@code input}, each with what its analysis cost (the LLM's dollars and
   * tokens, so that {@code patterns --stats} counts the spend), and returns the history lines; a store
   * failure says how to go without it.
   */
  static List<String> recordAndRecall(Config config, Path db, String input, List<Diagnosis> jobs, List<AnalysisCost> costs,
      Instant now) {
    try (LearningStore store = open(config, db)) {
      record(store, input, jobs, costs, now);
      List<String> lines = new ArrayList<>();
      for (Diagnosis d : jobs) {
        if (d.primary() != null) {
          store.history(d.fingerprint(), now).ifPresent(h -> lines.addAll(lines(h, jobs.size() > 1 ? d.job() : null)));
        }
      }
      return lines;
    } catch (StoreException e) {
      throw withHint(e);
    }
  }

  /** Records the diagnoses of {@code input} as {@link #recordAndRecall} does, without reading the history back. */
  static void record(Config config, Path db, String input, List<Diagnosis> jobs, List<AnalysisCost> costs, Instant now) {
    try (LearningStore store = open(config, db)) {
      record(store, input, jobs, costs, now);
    } catch (StoreException e) {
      throw withHint(e);
    }
  }

  private static void record(LearningStore store, String input, List<Diagnosis> jobs, List<AnalysisCost> costs, Instant now) {
    if (costs.size() != jobs.size()) {
      throw new IllegalArgumentException("one cost per job: " + costs.size() + " costs for " + jobs.size() + " jobs");
    }
    WorkflowRun run = localRun(input, jobs, now);
    List<JobOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      Diagnosis d = jobs.get(i);
      boolean failed = d.primary() != null;
      String name = d.job() != null ? d.job() : Path.of(input).getFileName() == null ? input : Path.of(input).getFileName().toString();
      Job job = new Job(i + 1, run.id(), 1, name, "completed", failed ? "failure" : "success", now, now, null, null, List.of());
      outcomes.add(new JobOutcome(run, job, failed ? d : null, costs.get(i)));
    }
    store.recordRun(run, outcomes, now);
  }

  private static StoreException withHint(StoreException e) {
    return new StoreException(e.getMessage() + " (Set " + LEARN_KEY + "=false or pass --no-history to analyze without it.)", e);
  }

  /** The history of one pattern as shown under a diagnosis; counts leave out the failure being shown. */
  static List<String> lines(History h, String job) {
    return HistoryText.lines(h, job, LOCAL_REPO);
  }

  /** One run per input: keyed by the absolute path, or for standard input by what it failed with. */
  static WorkflowRun localRun(String input, List<Diagnosis> jobs, Instant now) {
    String key = input.equals("-") ? "stdin:" + String.join(",", jobs.stream().map(Diagnosis::fingerprint).toList())
        : "file:" + Path.of(input).toAbsolutePath().normalize();
    return new WorkflowRun(LOCAL_REPO, stableId(key), 1, 0, LOCAL_REPO, null, null, null, "local", null, "completed",
        jobs.stream().anyMatch(d -> d.primary() != null) ? "failure" : "success", null, input, now, now);
  }

  private static long stableId(String key) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = v << 8 | (h[i] & 0xff);
      }
      return v & Long.MAX_VALUE;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
