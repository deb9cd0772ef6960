package dev.cidoctor.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * Collects the names of the failed tests a log reports, once each. Runners name a test several ways,
 * so a name that another one ends with is the same test, and a test's other names (aliases) are
 * listed only after every name the runner printed.
 */
final class FailedTests {
  static final int MAX_TESTS = 1000;

  private final List<String> names = new ArrayList<>();
  private final List<List<String>> nameWords = new ArrayList<>();
  private final List<String> aliases = new ArrayList<>();
  /**
   * Every name offered so far: offering one again changes nothing, and runners repeat names often (a
   * test's header, its summary line, the same failure in every rerun), so the word-by-word comparison
   * with every kept name is skipped for them.
   */
  private final Set<String> offered = new HashSet<>();

  /**
   * The failed tests, each once: the names the runner printed in the order first seen, then the
   * other names (aliases) of those tests. Derived on every call, so names found after the scan (by a
   * rule's multi-line check) still come before the aliases, and merging chunks keeps that order.
   */
  List<String> names() {
    if (aliases.isEmpty()) {
      return List.copyOf(names);
    }
    FailedTests all = new FailedTests();
    all.names.addAll(names);
    all.nameWords.addAll(nameWords);
    for (String a : aliases) {
      all.add(a);
    }
    return List.copyOf(all.names);
  }

  /**
   * Records a failed test once. Runners name a test several ways (pytest's section header
   * {@code Class.test_x} and its summary {@code tests/x.py::Class::test_x}): a name whose words end
   * another's is the same test, and the fuller name is kept.
   */
  void add(String name) {
    if (name == null || name.isBlank()) {
      return;
    }
    String n = name.strip();
    if (!offered.add(n)) {
      return;
    }
    List<String> words = words(n);
    for (int i = 0; i < names.size(); i++) {
      List<String> have = nameWords.get(i);
      if (endsWith(have, words)) {
        return;
      }
      if (endsWith(words, have)) {
        names.set(i, n);
        nameWords.set(i, words);
        return;
      }
    }
    if (names.size() < MAX_TESTS) {
      names.add(n);
      nameWords.add(words);
    }
  }

  /**
   * Records the test a rule's hit names, under the name the runner printed and the other name the rule's
   * {@code testAlias} gives it; the scanner calls this for every hit whose rule names tests, at once or
   * (for a rule with a {@code requires} condition) once the condition's lines are in.
   */
  void addFrom(Rule rule, java.util.Map<String, String> captures) {
    String t = rule.testOf(captures);
    add(t);
    addAlias(rule.aliasOf(t));
  }

  /**
   * Keeps another name of a failed test (a pytest node id's module form) to list after every test's
   * own name, so the first names shown are the ones the runner printed.
   */
  void addAlias(String name) {
    if (name != null && !name.isBlank() && aliases.size() < MAX_TESTS && !aliases.contains(name)) {
      aliases.add(name);
    }
  }

  /** Takes the names and aliases of the chunk of the log that follows this one. */
  void addAll(FailedTests next) {
    for (String t : next.names) {
      add(t);
    }
    for (String t : next.aliases) {
      addAlias(t);
    }
  }

  private static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    for (String w : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static boolean endsWith(List<String> whole, List<String> suffix) {
    int n = whole.size();
    int k = suffix.size();
    return k > 0 && k <= n && whole.subList(n - k, n).equals(suffix);
  }
}
