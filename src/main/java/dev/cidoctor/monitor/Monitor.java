package dev.cidoctor.monitor;

import dev.cidoctor.ci.CiException;
import dev.cidoctor.ci.CiProvider;
import dev.cidoctor.model.RunAnalysis;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.store.PatternStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Polls repositories for completed run attempts and processes each exactly once: claim it in the
 * store, analyze it when it failed, record it with its jobs in one transaction, then tell the
 * listeners. State lives in the store, so a restart resumes where the last process stopped; a run
 * whose processing failed is not recorded and is tried again on a later cycle.
 */
public final class Monitor {
  /** Claims outlive a slow analysis; a crashed owner's claim expires after this. */
  static final Duration CLAIM_LEASE = Duration.ofMinutes(10);
  /** Runs created this long before the watermark are listed again, so re-run attempts are seen. */
  static final Duration RERUN_WINDOW = Duration.ofHours(24);
  /** A restart after a long stop catches up at most this far back. */
  static final Duration MAX_CATCH_UP = Duration.ofDays(7);
  static final int MAX_RUNS_PER_REPO = 300;

  private final CiProvider ci;
  private final PatternStore store;
  private final RunAnalyzer analyzer;
  private final MonitorSettings settings;
  private final List<RunListener> listeners;
  private final Clock clock;
  private final String owner;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();

  public Monitor(CiProvider ci, PatternStore store, RunAnalyzer analyzer, MonitorSettings settings,
      List<RunListener> listeners, Clock clock, String owner) {
    this.ci = ci;
    this.store = store;
    this.analyzer = analyzer;
    this.settings = settings;
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
    this.owner = owner;
  }

  /** What one cycle did. */
  public record Cycle(int listed, int processed, int failedToProcess, int reposSkipped) {}

  /** Polls every repo once and processes the completed attempts not yet recorded. */
  public Cycle pollOnce() {
    int listed = 0;
    int processed = 0;
    int failed = 0;
    int skipped = 0;
    for (String repo : settings.repos()) {
      if (stopping.get()) {
        break;
      }
      List<WorkflowRun> runs;
      Instant now = clock.instant();
      try {
        runs = ci.recentRuns(repo, settings.workflow(), null, since(repo, now), MAX_RUNS_PER_REPO);
      } catch (CiException e) {
        skipped++;
        listeners.forEach(l -> l.repoSkipped(repo, e));
        continue;
      }
      listed += runs.size();
      List<WorkflowRun> oldestFirst = new ArrayList<>(runs);
      oldestFirst.sort(Comparator.comparing(WorkflowRun::createdAt).thenComparingLong(WorkflowRun::id));
      Instant oldestOpen = null;
      Instant newest = null;
      for (WorkflowRun run : oldestFirst) {
        newest = run.createdAt();
        if (!run.completed()) {
          oldestOpen = oldestOpen == null ? run.createdAt() : oldestOpen;
          continue;
        }
        if (stopping.get()) {
          oldestOpen = oldestOpen == null ? run.createdAt() : oldestOpen;
          break;
        }
        switch (process(run)) {
          case PROCESSED -> processed++;
          case FAILED -> {
            failed++;
            oldestOpen = oldestOpen == null ? run.createdAt() : oldestOpen;
          }
          case ALREADY_DONE -> { }
        }
      }
      Instant mark = oldestOpen != null ? oldestOpen : newest;
      if (mark != null) {
        store.advanceWatermark(repo, mark);
      }
    }
    Cycle cycle = new Cycle(listed, processed, failed, skipped);
    listeners.forEach(l -> l.cycleEnded(cycle));
    return cycle;
  }

  /** How one attempt went. */
  public enum Outcome { PROCESSED, ALREADY_DONE, FAILED }

  /** Processes one completed attempt unless it was recorded already or another daemon holds it. */
  public Outcome process(WorkflowRun run) {
    Instant now = clock.instant();
    if (store.processed(run.repo(), run.id(), run.attempt())
        || !store.claim(run.repo(), run.id(), run.attempt(), owner, now, CLAIM_LEASE)) {
      return Outcome.ALREADY_DONE;
    }
    RunAnalysis analysis;
    try {
      analysis = analyzer.analyze(run);
      store.recordRun(run, analysis.jobs(), clock.instant());
      if (settings.learn()) {
        analysis = Learning.enrich(analysis, store, settings.defaultBranch(), clock.instant());
      }
    } catch (RuntimeException e) {
      listeners.forEach(l -> l.failed(run.repo(), "run #" + run.runNumber() + " (id " + run.id() + ", attempt " + run.attempt() + ")", e));
      return Outcome.FAILED;
    }
    for (RunListener l : listeners) {
      try {
        l.processed(analysis);
      } catch (RuntimeException e) {
        // a listener (a notifier) failing must not undo or repeat the recorded run
        listeners.stream().filter(x -> x != l).forEach(x -> x.failed(run.repo(), "telling about run #" + run.runNumber(), e));
      }
    }
    return Outcome.PROCESSED;
  }

  /** Where listing starts: the watermark (less the re-run window), bounded by the catch-up limit. */
  Instant since(String repo, Instant now) {
    Optional<Instant> mark = store.watermark(repo);
    if (mark.isEmpty()) {
      return now.minus(settings.firstLookback());
    }
    Instant from = mark.get().isBefore(now.minus(RERUN_WINDOW)) ? mark.get() : now.minus(RERUN_WINDOW);
    Instant floor = now.minus(MAX_CATCH_UP);
    return from.isBefore(floor) ? floor : from;
  }

  /**
   * Polls every {@code interval} until {@link #stop()}; a cycle that throws is reported and the next
   * one runs anyway, so the daemon never dies of one bad answer.
   */
  public void runDaemon(Duration interval) {
    while (!stopping.get()) {
      try {
        pollOnce();
      } catch (RuntimeException e) {
        listeners.forEach(l -> l.failed("*", "a poll cycle", e));
      }
      lock.lock();
      try {
        long nanos = interval.toNanos();
        while (!stopping.get() && nanos > 0) {
          nanos = wake.awaitNanos(nanos);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        lock.unlock();
      }
    }
  }

  /** Asks the daemon to finish the run in hand and return; safe from any thread (a signal handler). */
  public void stop() {
    stopping.set(true);
    lock.lock();
    try {
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public boolean stopping() {
    return stopping.get();
  }
}
