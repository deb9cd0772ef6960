package dev.cidoctor.ci;

import java.time.Instant;

/** A rate-limit bucket: how many requests are allowed per window, left, used, and when it resets. */
public record RateLimit(String resource, int limit, int remaining, int used, Instant reset) {}
