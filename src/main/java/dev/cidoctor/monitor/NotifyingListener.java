package dev.cidoctor.monitor;

import dev.cidoctor.analysis.Redactor;
import dev.cidoctor.model.Commit;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.RunAnalysis;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.notify.Dispatcher;
import dev.cidoctor.notify.Notification;
import dev.cidoctor.notify.Outbox;
import dev.cidoctor.notify.Router;
import dev.cidoctor.store.FailureHistory;
import dev.cidoctor.store.History;
import dev.cidoctor.store.PatternStore;
import dev.cidoctor.store.PriorRun;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns recorded runs into notifications: a failed attempt notifies with its leading diagnosis (marked
 * a repeat when the previous run of the workflow on that branch failed the same way), a pass right
 * after a failure notifies a recovery. Secrets are redacted here, the router decides which channels
 * hear it, and the outbox delivers it once; every poll cycle retries what is due.
 */
public final class NotifyingListener implements RunListener {
  private final PatternStore store;
  private final Router router;
  private final Set<String> channels;
  private final Outbox outbox;
  private final Dispatcher dispatcher;
  private final Clock clock;

  public NotifyingListener(PatternStore store, Router router, Collection<String> channels, Outbox outbox, Dispatcher dispatcher,
      Clock clock) {
    this.store = store;
    this.router = router;
    this.channels = Set.copyOf(channels);
    this.outbox = outbox;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  @Override
  public void processed(RunAnalysis a) {
    Optional<Notification> n = notification(a, clock.instant());
    if (n.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Dispatcher.enqueue(outbox, router.decide(n.get(), channels, now), now);
    dispatcher.runOnce(now);
  }

  @Override
  public void cycleEnded(Monitor.Cycle cycle) {
    dispatcher.runOnce(clock.instant()); // retries whatever came due
  }

  /** The notification a recorded run deserves, before routing; empty when it deserves none. */
  Optional<Notification> notification(RunAnalysis a, Instant now) {
    WorkflowRun run = a.run();
    Optional<PriorRun> prior = store.previousOnBranch(run);
    Commit head = a.changes().isEmpty() ? null : a.changes().get(a.changes().size() - 1);
    if (run.failed()) {
      Diagnosis lead = lead(a);
      if (lead == null) {
        return Optional.empty(); // no log could be read: the printer reports why, and a later run will tell
      }
      boolean repeat = prior.isPresent() && prior.get().failed() && prior.get().fingerprints().contains(lead.fingerprint());
      int similar = 0;
      String trend = null;
      if (store instanceof FailureHistory h) {
        Optional<History> history = h.history(lead.fingerprint(), now);
        if (history.isPresent()) {
          similar = (int) Math.max(0, history.get().occurrences() - 1);
          long week = Math.max(0, history.get().lastWeek() - 1);
          trend = similar == 0 ? "first occurrence" : week + (week == 1 ? " time" : " times") + " in the past week";
        }
      }
      return Optional.of(Notification.failure(run, head, lead, similar, trend, a.cost(), repeat, false, now)
          .redacted(Redactor::redact));
    }
    if ("success".equals(run.conclusion()) && prior.isPresent() && prior.get().failed()) {
      List<String> fps = prior.get().fingerprints();
      return Optional.of(Notification.recovery(run, head, fps.isEmpty() ? null : fps.get(0), now).redacted(Redactor::redact));
    }
    return Optional.empty();
  }

  /** The most confident diagnosis of the run's causes. */
  static Diagnosis lead(RunAnalysis a) {
    return a.causes().stream().map(RunAnalysis.Cause::diagnosis).max(Comparator.comparingDouble(Diagnosis::confidence)).orElse(null);
  }
}
