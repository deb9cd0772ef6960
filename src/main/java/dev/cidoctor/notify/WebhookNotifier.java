package dev.cidoctor.notify;

import java.net.URI;

/**
 * POSTs the notification as {@link NotificationJson} to any URL (NOTIFY_WEBHOOK_URL), for receivers
 * cidoctor has no adapter for. The body is raw data, not markup: the receiver escapes for its own use.
 * An {@code Idempotency-Key} header carries the outbox key so a receiver can drop a repeated delivery.
 */
final class WebhookNotifier implements Notifier {
  private final URI url;

  WebhookNotifier(URI url) {
    this.url = url;
  }

  @Override
  public String channel() {
    return "webhook";
  }

  @Override
  public void send(Notification n) {
    Http.send(channel(), "the webhook", Http.postJson(url, NotificationJson.write(n))
        .header("Idempotency-Key", n.key(channel())).build());
  }
}
