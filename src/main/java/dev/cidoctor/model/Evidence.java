package dev.cidoctor.model;

import java.util.Objects;

/**
 * One line of the input shown as evidence: its 1-based line number in the input (or in the zip entry
 * named by {@code entry}, null for a plain file) and its text with colours and timestamps removed.
 */
public record Evidence(String entry, long line, String text) {
  public Evidence {
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1: " + line);
    }
    Objects.requireNonNull(text, "text");
  }
}
