package dev.cidoctor.model;

import java.util.Locale;

/** Names what kind of failure a diagnosis describes; the wire name is the lower-case constant. */
public enum Category {
  TEST_FAILURE,
  COMPILATION_ERROR,
  TYPE_ERROR,
  LINT_ERROR,
  DEPENDENCY_ERROR,
  NETWORK_ERROR,
  TIMEOUT,
  OUT_OF_RESOURCES,
  CONFIGURATION_ERROR,
  INFRASTRUCTURE_ERROR,
  DOCKER_BUILD_ERROR,
  CANCELLED,
  UNKNOWN;

  /** Returns the name used in JSON and rule files, e.g. {@code test_failure}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; throws with the list of valid names when it is not one. */
  public static Category fromWireName(String name) {
    for (Category c : values()) {
      if (c.wireName().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown category '" + name + "'; expected one of " + wireNames());
  }

  static String wireNames() {
    StringBuilder sb = new StringBuilder();
    for (Category c : values()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(c.wireName());
    }
    return sb.toString();
  }
}
