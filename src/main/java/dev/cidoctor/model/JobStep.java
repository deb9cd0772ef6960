package dev.cidoctor.model;

import java.time.Instant;

/** One step of a job; numbers have gaps (post steps are numbered high, skipped steps may be absent). */
public record JobStep(int number, String name, String status, String conclusion, Instant startedAt, Instant completedAt) {}
