package dev.cidoctor.analysis;

import java.util.List;

/** Rule files with problems; carries every problem found (file, rule id, reason), not just the first. */
public final class RuleLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  public RuleLoadException(List<String> problems) {
    super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the rules: "
        + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
