package dev.cidoctor.notify;

import java.time.Instant;

/**
 * One queued delivery: its idempotency key, channel, the notification as {@link NotificationJson}, how
 * many attempts failed so far and when it was enqueued.
 */
public record OutboxItem(String key, String channel, String payload, int attempts, Instant createdAt) {}
