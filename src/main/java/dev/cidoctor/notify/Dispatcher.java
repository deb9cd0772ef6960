package dev.cidoctor.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Delivers what the {@link Outbox} holds: claims due items, sends each channel's items on its own
 * virtual thread (so a slow or failing channel does not hold up the others), marks them sent, and
 * on a retryable failure backs off exponentially per item and skips that channel's other items for
 * this round. Permanent failures (a 4xx, a bad setting, a channel no longer configured) give up at once.
 */
public final class Dispatcher {
  /** What one round did. */
  public record Report(int sent, int retrying, int gaveUp, int deferred) {}

  private final Outbox outbox;
  private final Map<String, Notifier> notifiers;
  private final String owner;
  private final Duration lease;
  private final Duration firstRetry;
  private final Duration maxRetry;
  private final int maxAttempts;
  private final int batch;

  /**
   * {@code owner} names this process in leases; a lease must outlast one round's sends (the HTTP
   * timeout is 10 s per request). Retries wait {@code firstRetry}, doubling up to {@code maxRetry},
   * and stop after {@code maxAttempts} attempts.
   */
  public Dispatcher(Outbox outbox, Map<String, Notifier> notifiers, String owner, Duration lease, Duration firstRetry,
      Duration maxRetry, int maxAttempts, int batch) {
    this.outbox = outbox;
    this.notifiers = Map.copyOf(notifiers);
    this.owner = owner;
    this.lease = lease;
    this.firstRetry = firstRetry;
    this.maxRetry = maxRetry;
    this.maxAttempts = maxAttempts;
    this.batch = batch;
  }

  /** The defaults for the daemon: 5-minute leases, retries from 30 s doubling to 1 h, 10 attempts, 100 a round. */
  public static Dispatcher standard(Outbox outbox, Map<String, Notifier> notifiers, String owner) {
    return new Dispatcher(outbox, notifiers, owner, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1), 10, 100);
  }

  /** Enqueues one item per routed delivery; returns how many were new (a key seen before is not queued again). */
  public static int enqueue(Outbox outbox, Router.Decision decision, Instant now) {
    int added = 0;
    for (Router.Delivery d : decision.deliveries()) {
      if (outbox.enqueue(d.notification().key(d.channel()), d.channel(), NotificationJson.write(d.notification()), now)) {
        added++;
      }
    }
    return added;
  }

  /** The wait before attempt {@code attempts + 1}: firstRetry * 2^(attempts-1), at most maxRetry. */
  Duration backoff(int attempts) {
    Duration d = firstRetry;
    for (int i = 1; i < attempts && d.compareTo(maxRetry) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxRetry) > 0 ? maxRetry : d;
  }

  /** Runs one round at {@code now} and returns what it did; never throws for a channel's failure. */
  public Report runOnce(Instant now) {
    List<OutboxItem> claimed = outbox.claim(owner, now, lease, batch);
    Map<String, List<OutboxItem>> byChannel = new LinkedHashMap<>();
    for (OutboxItem item : claimed) {
      byChannel.computeIfAbsent(item.channel(), c -> new ArrayList<>()).add(item);
    }
    int[] totals = new int[4];
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<int[]>> results = new ArrayList<>();
      for (var e : byChannel.entrySet()) {
        Callable<int[]> task = () -> deliver(e.getKey(), e.getValue(), now);
        results.add(pool.submit(task));
      }
      for (Future<int[]> f : results) {
        int[] r = get(f);
        for (int i = 0; i < 4; i++) {
          totals[i] += r[i];
        }
      }
    }
    return new Report(totals[0], totals[1], totals[2], totals[3]);
  }

  private static int[] get(Future<int[]> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new int[4];
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("a delivery task failed", e.getCause());
    }
  }

  /** Sends one channel's items in order; returns {sent, retrying, gave up, deferred}. */
  private int[] deliver(String channel, List<OutboxItem> items, Instant now) {
    int[] r = new int[4];
    Notifier notifier = notifiers.get(channel);
    Instant deferUntil = null;
    for (OutboxItem item : items) {
      if (deferUntil != null) {
        outbox.release(item.key(), owner, deferUntil);
        r[3]++;
        continue;
      }
      if (notifier == null) {
        outbox.markFailed(item.key(), owner, null, channel + " is not configured any more");
        r[2]++;
        continue;
      }
      boolean sent = false;
      try {
        notifier.send(NotificationJson.read(item.payload()));
        sent = true;
      } catch (NotifyException e) {
        int attempts = item.attempts() + 1;
        if (!e.retryable() || attempts >= maxAttempts) {
          outbox.markFailed(item.key(), owner, null, e.getMessage());
          r[2]++;
        } else {
          deferUntil = now.plus(backoff(attempts));
          outbox.markFailed(item.key(), owner, deferUntil, e.getMessage());
          r[1]++;
        }
      } catch (RuntimeException e) {
        outbox.markFailed(item.key(), owner, null, "cannot deliver: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        r[2]++;
      }
      if (sent) {
        outbox.markSent(item.key(), now);
        r[0]++;
      }
    }
    return r;
  }
}
