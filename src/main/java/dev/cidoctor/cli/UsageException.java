package dev.cidoctor.cli;

/** A command line that parses but makes no sense (e.g. jsonl with one input); exits 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
