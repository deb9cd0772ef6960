package dev.cidoctor.testing;

import dev.cidoctor.model.JobOutcome;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.store.PatternStore;
import dev.cidoctor.store.PriorRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A pattern store in memory with the port's semantics (claims with leases, idempotent records,
 * forward-only watermarks), for tests of the code above the store. {@link #failNextRecord} makes the
 * next {@code recordRun} throw before anything is written, as a crash inside the transaction would.
 */
public final class InMemoryPatternStore implements PatternStore {
  private record Claim(String owner, Instant until) {}

  private final Map<String, Claim> claims = new HashMap<>();
  private final Map<String, List<JobOutcome>> runs = new LinkedHashMap<>();
  private final Map<String, WorkflowRun> attempts = new LinkedHashMap<>();
  private final Map<String, Integer> recordCalls = new HashMap<>();
  private final Map<String, Instant> watermarks = new HashMap<>();
  private final Map<String, byte[]> cache = new HashMap<>();
  private final Set<String> deliveries = new HashSet<>();
  private RuntimeException failNextRecord;

  private static String key(String repo, long runId, int attempt) {
    return repo + "#" + runId + "." + attempt;
  }

  @Override
  public synchronized boolean claim(String repo, long runId, int attempt, String owner, Instant now, Duration lease) {
    String k = key(repo, runId, attempt);
    if (runs.containsKey(k)) {
      return false;
    }
    Claim c = claims.get(k);
    if (c != null && !c.owner().equals(owner) && c.until().isAfter(now)) {
      return false;
    }
    claims.put(k, new Claim(owner, now.plus(lease)));
    return true;
  }

  @Override
  public synchronized boolean processed(String repo, long runId, int attempt) {
    return runs.containsKey(key(repo, runId, attempt));
  }

  @Override
  public synchronized void recordRun(WorkflowRun run, List<JobOutcome> jobs, Instant now) {
    if (failNextRecord != null) {
      RuntimeException e = failNextRecord;
      failNextRecord = null;
      throw e;
    }
    String k = run.key();
    runs.put(k, List.copyOf(jobs));
    attempts.put(k, run);
    recordCalls.merge(k, 1, Integer::sum);
  }

  @Override
  public synchronized Optional<Instant> watermark(String repo) {
    return Optional.ofNullable(watermarks.get(repo));
  }

  @Override
  public synchronized void advanceWatermark(String repo, Instant createdAt) {
    watermarks.merge(repo, createdAt, (a, b) -> a.isAfter(b) ? a : b);
  }

  @Override
  public synchronized Optional<byte[]> cached(String key) {
    return Optional.ofNullable(cache.get(key));
  }

  @Override
  public synchronized void cache(String key, byte[] value) {
    cache.put(key, value.clone());
  }

  @Override
  public synchronized boolean firstDelivery(String deliveryId, Instant now) {
    return deliveries.add(deliveryId);
  }

  @Override
  public synchronized Optional<PriorRun> previousOnBranch(WorkflowRun run) {
    WorkflowRun best = null;
    for (WorkflowRun r : attempts.values()) {
      boolean same = r.repo().equals(run.repo()) && java.util.Objects.equals(r.workflowName(), run.workflowName())
          && java.util.Objects.equals(r.branch(), run.branch());
      boolean before = r.createdAt().isBefore(run.createdAt()) || (r.id() == run.id() && r.attempt() < run.attempt());
      boolean self = r.id() == run.id() && r.attempt() >= run.attempt();
      if (same && before && !self && (best == null || r.createdAt().isAfter(best.createdAt())
          || (r.createdAt().equals(best.createdAt()) && (r.id() > best.id() || (r.id() == best.id() && r.attempt() > best.attempt()))))) {
        best = r;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    List<String> fps = runs.get(best.key()).stream().filter(o -> o.diagnosis() != null).map(o -> o.diagnosis().fingerprint())
        .distinct().sorted().toList();
    return Optional.of(new PriorRun(best.id(), best.attempt(), best.conclusion(), fps));
  }

  @Override
  public void close() {}

  /** The recorded run attempts ({@code repo#id.attempt}) in the order they were first recorded. */
  public synchronized List<String> recordedRuns() {
    return new ArrayList<>(runs.keySet());
  }

  /** The job outcomes recorded for one attempt. */
  public synchronized List<JobOutcome> jobs(String attemptKey) {
    return runs.getOrDefault(attemptKey, List.of());
  }

  /** How many times {@code recordRun} was called for one attempt. */
  public synchronized int recordCalls(String attemptKey) {
    return recordCalls.getOrDefault(attemptKey, 0);
  }

  public synchronized void failNextRecord(RuntimeException e) {
    failNextRecord = e;
  }
}
