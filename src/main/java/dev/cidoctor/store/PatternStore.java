package dev.cidoctor.store;

import dev.cidoctor.model.JobOutcome;
import dev.cidoctor.model.WorkflowRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What cidoctor remembers: which run attempts it processed, every analyzed job and its diagnosis, the
 * validators of its conditional requests and the webhook deliveries it saw. Every write is idempotent
 * and atomic, so a crash or a second daemon never loses or double-counts anything.
 */
public interface PatternStore extends AutoCloseable {

  /**
   * Claims a run attempt for {@code owner} until {@code now + lease}. Returns false when the attempt
   * was already recorded, or another owner holds an unexpired claim on it.
   */
  boolean claim(String repo, long runId, int attempt, String owner, Instant now, Duration lease);

  /** Says whether the run attempt was recorded. */
  boolean processed(String repo, long runId, int attempt);

  /**
   * Records one run attempt and the outcome of each of its jobs, and marks the attempt processed, in
   * one transaction. Recording the same attempt again updates it; nothing is duplicated.
   */
  void recordRun(WorkflowRun run, List<JobOutcome> jobs, Instant now);

  /** The creation time of the newest run seen in {@code repo}, when any was. */
  Optional<Instant> watermark(String repo);

  /** Moves the watermark of {@code repo} forward (never backward). */
  void advanceWatermark(String repo, Instant createdAt);

  Optional<byte[]> cached(String key);

  void cache(String key, byte[] value);

  /**
   * Remembers a webhook delivery id; returns true the first time it is seen, false for a redelivery.
   */
  boolean firstDelivery(String deliveryId, Instant now);

  /**
   * The latest recorded attempt of the same workflow on the same branch before {@code run} (an earlier
   * attempt of the same run counts), or empty when none was recorded.
   */
  Optional<PriorRun> previousOnBranch(WorkflowRun run);

  @Override
  void close();
}
