package dev.cidoctor.notify;

/**
 * Sends notifications to one channel (a Slack webhook, an SMTP server, a PagerDuty service ...).
 * Implementations render the notification for their channel, escape every piece of text that came from
 * a log, a branch or a commit, and throw {@link NotifyException} naming the channel and the HTTP status.
 */
public interface Notifier {

  /** The channel name used in routing and in the outbox: {@code slack}, {@code discord}, {@code email} ... */
  String channel();

  /**
   * Says whether this channel wants the notification at all; paging channels only take high and
   * critical failures (and recoveries, which resolve what they paged).
   */
  default boolean accepts(Notification n) {
    return true;
  }

  /** Delivers one notification, or throws; a send that returns normally was accepted by the service. */
  void send(Notification n);
}
