package dev.cidoctor.cli;

/** Output formats of {@code analyze}. */
enum Format {
  text,
  json,
  jsonl,
  markdown
}
