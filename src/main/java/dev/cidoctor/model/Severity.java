package dev.cidoctor.model;

import java.util.Locale;

/** How urgently a failure needs a person; the wire name is the lower-case constant. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; throws with the valid names when it is not one. */
  public static Severity fromWireName(String name) {
    for (Severity s : values()) {
      if (s.wireName().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown severity '" + name + "'; expected one of low, medium, high, critical");
  }
}
