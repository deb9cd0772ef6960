package dev.cidoctor.analysis;

/**
 * A line handed to a regex with a budget of character reads: a crafted line that makes a pattern
 * backtrack exponentially runs out of budget and the match is abandoned, so no line can hang the
 * analyzer. The budget is in reads, not seconds, so results do not depend on the machine's load.
 * Public so the LLM's log-search tool bounds the model's regexes the same way.
 */
public final class BoundedText implements CharSequence {
  /** Reads allowed per match attempt; a sane pattern on a 4 KiB line needs well under 1% of this. */
  public static final int DEFAULT_BUDGET = 2_000_000;

  /** Thrown when a match runs out of budget. */
  public static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExceeded() {
      super(null, null, false, false);
    }
  }

  private final String text;
  private int budget;

  public BoundedText(String text, int budget) {
    this.text = text;
    this.budget = budget;
  }

  public void reset(int budget) {
    this.budget = budget;
  }

  @Override
  public char charAt(int index) {
    if (--budget < 0) {
      throw new BudgetExceeded();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.substring(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
