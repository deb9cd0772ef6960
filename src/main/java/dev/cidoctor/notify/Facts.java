package dev.cidoctor.notify;

import dev.cidoctor.model.Evidence;
import java.util.Locale;
import java.util.regex.Pattern;

/** The phrases every channel shows the same way: titles, cost, similar count, evidence lines, the safe run link. */
final class Facts {
  private static final Pattern SAFE_URL = Pattern.compile("https?://[^\\s<>|\"'`()\\[\\]]+");
  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private Facts() {}

  /** "CI #1235 failed" or "CI #1235 passed again". */
  static String title(Notification n) {
    return Text.oneLine(n.workflow()) + " #" + n.runNumber()
        + (n.kind() == Notification.Kind.FAILURE ? " failed" : " passed again") + (n.attempt() > 1 ? " (attempt " + n.attempt() + ")" : "");
  }

  /** The run link, or null when the URL is not a plain http(s) URL (it is never put in markup otherwise). */
  static String runUrl(Notification n) {
    return n.runUrl() != null && SAFE_URL.matcher(n.runUrl()).matches() ? n.runUrl() : null;
  }

  /** The mention id when it has the shape of a user id, else null. */
  static String mention(Notification n) {
    return n.mention() != null && USER_ID.matcher(n.mention()).matches() ? n.mention() : null;
  }

  static String cost(Notification n) {
    var c = n.cost();
    String time = String.format(Locale.ROOT, "%.1fs", c.millis() / 1000.0);
    if (c.dollars() == 0 && c.inputTokens() == 0) {
      return "$0.00 (rules only) · " + time;
    }
    // a cheap model's fraction of a cent, as the terminal report shows it, rather than a misleading $0.00
    String dollars = c.dollars() > 0 && c.dollars() < 0.01 ? "$%.4f" : "$%.2f";
    return String.format(Locale.ROOT, dollars + " (%d+%d tokens) · %s", c.dollars(), c.inputTokens(), c.outputTokens(), time);
  }

  static String similar(Notification n) {
    String s = n.similarCount() == 0 ? "First time this failure was seen"
        : "Seen " + n.similarCount() + " time" + (n.similarCount() == 1 ? "" : "s") + " before";
    return n.trend() == null || n.trend().isBlank() ? s : s + " · " + Text.oneLine(n.trend());
  }

  static String severity(Notification n) {
    return n.diagnosis().severity().wireName().toUpperCase(Locale.ROOT) + " · " + n.diagnosis().category().wireName();
  }

  /** One evidence line as a log excerpt: right-aligned line number, a bar, the text. */
  static String evidenceLine(Evidence e) {
    return String.format(Locale.ROOT, "%6d | %s", e.line(), e.text());
  }

  /**
   * The evidence lines that fit in {@code max} characters once escaped by {@code escape}, whole lines
   * only; {@code cut[0]} is set when some were left out.
   */
  static String evidence(Notification n, int max, java.util.function.UnaryOperator<String> escape, boolean[] cut) {
    StringBuilder sb = new StringBuilder();
    cut[0] = false;
    for (Evidence e : n.diagnosis().evidence()) {
      String line = escape.apply(Text.cut(evidenceLine(e), 300));
      if (sb.length() + line.length() + 1 > max) {
        cut[0] = true;
        break;
      }
      sb.append(line).append('\n');
    }
    if (!cut[0]) {
      for (Evidence e : n.diagnosis().evidence()) {
        if (evidenceLine(e).length() > 300) {
          cut[0] = true;
        }
      }
    }
    return sb.toString().stripTrailing();
  }
}
