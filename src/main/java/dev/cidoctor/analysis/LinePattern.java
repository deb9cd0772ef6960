package dev.cidoctor.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line pattern of a rule, with what the prefilter knows of every match: the literal text it
 * starts with ({@link Literals#leadingLiteral}), whether it is anchored at the line start (then
 * matched with {@code lookingAt}, which tries one position, not all) and its {@link Gate}. These
 * facts come from the regex text alone; {@link #of} derives them, for YAML rules as they load and
 * for the build, which stores them in {@code rules.bin} ({@link RuleCodec}) so a run reads them
 * instead of deriving them again.
 *
 * <p>A pattern read from {@code rules.bin} is compiled on first use: a typical log tries a few dozen
 * of the ~650 patterns, and compiling them all cost ~30 ms of every start. The build validated them.
 * Scans of large files share the patterns across threads, so the compiled Pattern is published
 * through a volatile field (double-checked): every thread sees one Pattern, fully built.
 */
public final class LinePattern {
  private final String source;
  private final int flags;
  private volatile Pattern pattern;
  /** Literal text every match starts with, as written; "" when none is known. */
  final String lead;
  /** Whether every match starts at the line start. */
  final boolean anchored;
  /** What a line must hold before the regex is worth trying, or null when nothing is known. */
  final Gate gate;

  /** {@code compiled} may be null: the regex is then compiled on first use (it must be valid). */
  LinePattern(String source, int flags, Pattern compiled, String lead, boolean anchored, Gate gate) {
    this.source = source;
    this.flags = flags;
    this.pattern = compiled;
    this.lead = lead;
    this.anchored = anchored;
    this.gate = gate;
  }

  /** Derives the prefilter's facts from the regex: the one derivation, used at load and by the build. */
  static LinePattern of(Pattern p) {
    String regex = p.pattern();
    int flags = p.flags();
    boolean literalSyntax = (flags & (Pattern.COMMENTS | Pattern.LITERAL)) == 0;
    String lead = literalSyntax ? Literals.leadingLiteral(regex) : "";
    return new LinePattern(regex, flags, p, lead, Literals.anchoredAtStart(regex), Gate.of(regex, flags, lead));
  }

  /** The compiled regex, compiled now if this is its first use. */
  public Pattern pattern() {
    Pattern p = pattern;
    if (p == null) {
      synchronized (this) {
        p = pattern;
        if (p == null) {
          p = Pattern.compile(source, flags);
          pattern = p;
        }
      }
    }
    return p;
  }

  /** The regex as written. */
  public String source() {
    return source;
  }

  int flags() {
    return flags;
  }

  /** Says whether {@code text} holds what every match needs (true when nothing is known). */
  boolean admits(String text, LowerCase lower) {
    return gate == null || gate.admits(text, lower);
  }

  /** Says from the start of a line's bytes ({@link Gate#mayAdmitStart}) whether its text may hold what every match needs. */
  boolean mayAdmitStart(byte[] b, int from, int end) {
    return gate == null || gate.mayAdmitStart(b, from, end);
  }

  /** Finds the pattern with {@code m} (one of its matchers): at the line start only, when it is anchored there. */
  boolean find(Matcher m) {
    return anchored ? m.lookingAt() : m.find();
  }

  @Override
  public String toString() {
    return source();
  }
}
