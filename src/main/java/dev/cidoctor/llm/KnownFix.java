package dev.cidoctor.llm;

/** A failure seen before and what fixed it: its fingerprint, root cause, fix and how often it recurred. */
public record KnownFix(String fingerprint, String rootCause, String fix, int occurrences) {}
