package dev.cidoctor.notify;

import dev.cidoctor.model.Evidence;

/**
 * Renders a notification as an email: a one-line subject (no line breaks, so nothing can add a
 * header), a plain-text part and an HTML part in which every untrusted text is HTML-escaped.
 */
final class EmailBody {
  static final int MAX_SUBJECT = 200;

  private EmailBody() {}

  static String subject(Notification n) {
    String s = "[cidoctor] " + Facts.title(n) + " in " + n.repo() + " (" + Text.oneLine(n.branch()) + ")"
        + (n.diagnosis() == null ? "" : ": " + Text.oneLine(n.diagnosis().summary()));
    return Text.cut(Text.oneLine(s), MAX_SUBJECT);
  }

  static String text(Notification n) {
    StringBuilder sb = new StringBuilder();
    sb.append(Facts.title(n)).append('\n');
    sb.append("Repository: ").append(n.repo()).append('\n');
    sb.append("Branch:     ").append(Text.oneLine(n.branch())).append('\n');
    sb.append("Commit:     ").append(n.shortSha()).append(" by ").append(Text.oneLine(n.commitAuthor())).append(": ")
        .append(Text.oneLine(n.commitHeadline())).append('\n');
    if (n.diagnosis() != null) {
      sb.append("Severity:   ").append(Facts.severity(n)).append("\n\n");
      sb.append("Root cause: ").append(Text.oneLine(n.diagnosis().summary())).append("\n\n");
      for (Evidence e : n.diagnosis().evidence()) {
        sb.append(Text.cut(Facts.evidenceLine(e), 500)).append('\n');
      }
      if (n.diagnosis().suggestion() != null) {
        sb.append("\nSuggested fix:\n").append(n.diagnosis().suggestion().strip()).append("\n");
      }
      sb.append('\n').append(Facts.similar(n)).append('\n');
      sb.append("Analysis cost: ").append(Facts.cost(n)).append('\n');
    }
    if (n.runUrl() != null) {
      sb.append("\nRun: ").append(n.runUrl()).append('\n');
    }
    return sb.toString();
  }

  static String html(Notification n) {
    StringBuilder sb = new StringBuilder();
    String url = Facts.runUrl(n);
    sb.append("<!DOCTYPE html>\n<html><body style=\"font-family:sans-serif\">\n");
    sb.append("<h2>").append(n.kind() == Notification.Kind.FAILURE ? "&#128308; " : "&#9989; ").append(Text.html(Facts.title(n)))
        .append("</h2>\n<table>\n");
    row(sb, "Repository", n.repo());
    row(sb, "Branch", Text.oneLine(n.branch()));
    row(sb, "Commit", n.shortSha() + " by " + Text.oneLine(n.commitAuthor()) + ": " + Text.oneLine(n.commitHeadline()));
    if (n.diagnosis() != null) {
      row(sb, "Severity", Facts.severity(n));
      row(sb, "Similar failures", Facts.similar(n));
      row(sb, "Analysis cost", Facts.cost(n));
    }
    sb.append("</table>\n");
    if (n.diagnosis() != null) {
      sb.append("<h3>Root cause</h3>\n<p>").append(Text.html(Text.oneLine(n.diagnosis().summary()))).append("</p>\n");
      if (!n.diagnosis().evidence().isEmpty()) {
        sb.append("<pre>");
        for (Evidence e : n.diagnosis().evidence()) {
          sb.append(Text.html(Text.cut(Facts.evidenceLine(e), 500))).append('\n');
        }
        sb.append("</pre>\n");
      }
      var segments = Text.segments(n.diagnosis().suggestion());
      if (!segments.isEmpty()) {
        sb.append("<h3>Suggested fix</h3>\n");
        for (Text.Segment s : segments) {
          sb.append(s.code() ? "<pre>" : "<p>").append(Text.html(s.text())).append(s.code() ? "</pre>\n" : "</p>\n");
        }
      }
    }
    if (url != null) {
      sb.append("<p><a href=\"").append(Text.html(url)).append("\">View the run</a></p>\n");
    }
    sb.append("</body></html>\n");
    return sb.toString();
  }

  private static void row(StringBuilder sb, String label, String value) {
    sb.append("<tr><th align=\"left\">").append(label).append("</th><td>").append(Text.html(value)).append("</td></tr>\n");
  }
}
