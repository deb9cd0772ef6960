package dev.cidoctor.testing;

import dev.cidoctor.notify.Notification;
import dev.cidoctor.notify.Notifier;
import dev.cidoctor.notify.NotifyException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link Notifier} that records what it was asked to send and can be scripted to fail: each queued
 * failure is thrown by one call (after recording, when the failure is scripted as "after the send").
 */
public final class RecordingNotifier implements Notifier {
  private final String channel;
  private final List<Notification> sent = new ArrayList<>();
  private final Deque<Supplier<RuntimeException>> failures = new ArrayDeque<>();
  private final Deque<Supplier<Error>> crashesAfterSend = new ArrayDeque<>();

  public RecordingNotifier(String channel) {
    this.channel = channel;
  }

  @Override
  public String channel() {
    return channel;
  }

  @Override
  public synchronized void send(Notification n) {
    if (!failures.isEmpty()) {
      throw failures.poll().get();
    }
    sent.add(n);
    if (!crashesAfterSend.isEmpty()) {
      throw crashesAfterSend.poll().get();
    }
  }

  /** The next call fails with HTTP {@code status} (retryable for 408, 429 and 5xx) before sending. */
  public synchronized RecordingNotifier failNext(int status) {
    NotifyException.Reason reason = status == 408 || status == 429 || status >= 500
        ? NotifyException.Reason.UNAVAILABLE : NotifyException.Reason.REJECTED;
    failures.add(() -> new NotifyException(reason, channel, status, "Cannot deliver to " + channel + ": answered " + status + "."));
    return this;
  }

  /** The next call sends and then throws {@code crash}, as a process dying before it records the send. */
  public synchronized RecordingNotifier crashAfterNextSend(Supplier<Error> crash) {
    crashesAfterSend.add(crash);
    return this;
  }

  public synchronized List<Notification> sent() {
    return List.copyOf(sent);
  }
}
