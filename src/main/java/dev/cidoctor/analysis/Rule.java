package dev.cidoctor.analysis;

import dev.cidoctor.model.Category;
import dev.cidoctor.model.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of the knowledge base, compiled: the line patterns that recognise a failure, what it is
 * (category, severity, whether a rerun could pass), and the summary and fix to show, whose
 * {@code {name}} placeholders take the named captures of the patterns. A context rule
 * ({@code role: context}) diagnoses nothing: it only remembers captures (a test suite's name, say)
 * for the rules that match later lines. A rule with {@code primaryAbove} matches a generic wrapper
 * ("make: *** [all] Error 2"): the root cause is the output above it. {@code testAlias: module} also
 * records a test named by its file ({@code tests/x.py::Class::test}) under its module path
 * ({@code tests.x::Class::test}), the form unittest-style tools and reports use.
 */
public record Rule(
    String id,
    String source,
    Category category,
    Severity severity,
    boolean transientFailure,
    int priority,
    List<LinePattern> linePatterns,
    Pattern unless,
    List<String> literals,
    LineCondition requires,
    int contextBefore,
    int contextAfter,
    Pattern contextUntil,
    boolean primaryIsRequired,
    boolean primaryAbove,
    boolean pickLast,
    boolean collectTests,
    String testName,
    String testAlias,
    List<String> remember,
    boolean contextOnly,
    String summary,
    String suggestion) {

  /** A second line that must (or must not) appear within {@code within} lines before or after the match. */
  public record LineCondition(Pattern pattern, int within, boolean after, boolean negated) {}

  public Rule {
    linePatterns = List.copyOf(linePatterns);
    literals = List.copyOf(literals);
    remember = List.copyOf(remember);
  }

  /** The failed test named by a hit's captures (and remembered values), or null. */
  String testOf(java.util.Map<String, String> captures) {
    if (!collectTests) {
      return null;
    }
    if (testName == null) {
      return captures.get("test");
    }
    java.util.regex.Matcher m = Diagnoser.PLACEHOLDER.matcher(testName);
    while (m.find()) {
      if (captures.get(m.group(1)) == null) {
        return captures.get("test"); // a part of the name is unknown here: fall back to the plain capture
      }
    }
    return Diagnoser.fill(testName, captures);
  }

  /** The other name {@code testAlias} gives {@code test}, or null. */
  String aliasOf(String test) {
    return "module".equals(testAlias) ? dev.cidoctor.model.TestNames.moduleForm(test) : null;
  }
}
