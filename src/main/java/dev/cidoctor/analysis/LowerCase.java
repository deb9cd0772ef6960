package dev.cidoctor.analysis;

import java.util.Locale;

/** The lower-case form of the line being matched, made once and only when a pattern needs it. */
final class LowerCase {
  private String of;
  private String lower;

  String of(String text) {
    if (of != text) {
      of = text;
      lower = text.toLowerCase(Locale.ROOT);
    }
    return lower;
  }
}
