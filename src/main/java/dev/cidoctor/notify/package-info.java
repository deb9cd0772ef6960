/**
 * Notifications: the {@link dev.cidoctor.notify.Notifier} port, the {@link dev.cidoctor.notify.Notification}
 * it sends, routing and muting, the outbox that delivers with retries, and one adapter per channel
 * (Slack, Discord, email, GitHub issues, PagerDuty, Opsgenie, a generic webhook). The adapters live
 * here, package-private, because they share the escaping and HTTP code; this package depends on model only.
 */
package dev.cidoctor.notify;
