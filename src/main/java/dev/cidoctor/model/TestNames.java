package dev.cidoctor.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of failed tests. A rule may list a file-qualified test ({@code tests/x.py::Class::test})
 * under its module path as well ({@code tests.x::Class::test}), the form unittest-style tools and
 * test reports use, so that either name finds it; people should still see each test once.
 */
public final class TestNames {
  /** A file-qualified test: its path, an extension, then {@code ::} and the rest. */
  private static final Pattern FILE_TEST = Pattern.compile("^([\\w./\\-]+?)\\.\\w+(::.+)$");

  private TestNames() {}

  /** The module form of a file-qualified test name, or null when {@code test} is not one. */
  public static String moduleForm(String test) {
    if (test == null) {
      return null;
    }
    Matcher m = FILE_TEST.matcher(test.strip());
    if (!m.matches()) {
      return null;
    }
    String module = m.group(1).replace('/', '.');
    while (module.startsWith(".")) {
      module = module.substring(1);
    }
    return module.isEmpty() ? null : module + m.group(2);
  }

  /** The names to show a person: {@code tests} without those that are another listed name's module form. */
  public static List<String> shown(List<String> tests) {
    Set<String> aliases = new HashSet<>();
    for (String t : tests) {
      String m = moduleForm(t);
      if (m != null && !m.equals(t)) {
        aliases.add(m);
      }
    }
    return aliases.isEmpty() ? tests : tests.stream().filter(t -> !aliases.contains(t)).toList();
  }
}
