package dev.cidoctor.analysis;

/** A numbered, cleaned line kept as context around a candidate. */
record ContextLine(long line, String text) {}
