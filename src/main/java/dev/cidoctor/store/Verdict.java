package dev.cidoctor.store;

import java.util.Locale;
import java.util.Optional;

/**
 * What one failure most likely is, judged from the store's history, and the evidence for it (which
 * run, which pattern). {@link #decide} is pure: the facts come from {@link FailureHistory#verdict}.
 */
public record Verdict(Kind kind, String evidence) {

  /** The verdicts, most specific first; the wire name is the lower-case constant. */
  public enum Kind {
    FLAKY,
    ALREADY_FAILING_ON_DEFAULT_BRANCH,
    TRANSIENT,
    KNOWN_RECURRING,
    NEW;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What the store knows about one failed job. {@code priorOccurrences} counts earlier failures with
   * the same fingerprint; {@code defaultBranchFailure} is the run id of the latest run of the same
   * workflow on the default branch when it failed with the same pattern.
   */
  public record Facts(
      String pattern,
      String jobName,
      String sha,
      boolean transientFailure,
      String category,
      long priorOccurrences,
      Optional<Fix> lastFix,
      boolean flakyOnThisCommit,
      long patternFlakyCommits,
      String branch,
      String defaultBranch,
      Optional<Long> defaultBranchFailure,
      Optional<Long> previousGreenRun) {}

  /** Flaky on this commit, then already failing on the default branch, transient, flaky pattern, recurring, new. */
  public static Verdict decide(Facts f) {
    String sha = f.sha() == null ? "?" : f.sha().substring(0, Math.min(7, f.sha().length()));
    if (f.flakyOnThisCommit()) {
      return new Verdict(Kind.FLAKY, "job " + f.jobName() + " both failed and passed on commit " + sha);
    }
    if (f.defaultBranchFailure().isPresent() && f.branch() != null && !f.branch().equals(f.defaultBranch())) {
      return new Verdict(Kind.ALREADY_FAILING_ON_DEFAULT_BRANCH, "the latest run on " + f.defaultBranch() + " (run "
          + f.defaultBranchFailure().get() + ") failed with the same pattern " + f.pattern());
    }
    if (f.transientFailure() || "network_error".equals(f.category()) || "infrastructure_error".equals(f.category())) {
      return new Verdict(Kind.TRANSIENT, f.category() + (f.transientFailure() ? ", marked transient by the rule" : "")
          + ": a rerun may pass");
    }
    if (f.patternFlakyCommits() >= 2) {
      return new Verdict(Kind.FLAKY, "pattern " + f.pattern() + " failed and then passed on the same commit "
          + f.patternFlakyCommits() + " times");
    }
    if (f.priorOccurrences() > 0) {
      return new Verdict(Kind.KNOWN_RECURRING, "pattern " + f.pattern() + " seen " + f.priorOccurrences() + " time"
          + (f.priorOccurrences() == 1 ? "" : "s") + " before" + f.lastFix().map(x -> ", last fixed by " + x.shortSha()
          + (x.message() == null ? "" : " " + x.message())).orElse(""));
    }
    return new Verdict(Kind.NEW, "first occurrence of pattern " + f.pattern()
        + f.previousGreenRun().map(id -> "; the previous run on " + f.branch() + " (run " + id + ") passed").orElse(""));
  }
}
