package dev.cidoctor.notify;

import dev.cidoctor.model.Evidence;
import java.util.regex.Pattern;

/**
 * Renders the GitHub issue and its comments in GitHub-flavoured markdown, with the hidden markers that
 * find the issue again (one per fingerprint) and keep a run from commenting twice. Untrusted text is
 * escaped so it cannot mention people, add links or break out of its code block.
 */
final class IssueBody {
  /** The failure part of a body; with markers and trailer a body stays under GitHub's 65536-character limit. */
  static final int MAX_BODY = 60000;
  static final int MAX_TITLE = 256;
  private static final Pattern NOT_MARKER_SAFE = Pattern.compile("[^A-Za-z0-9:._/#-]");

  private IssueBody() {}

  static String fingerprintMarker(Notification n) {
    return "<!-- cidoctor:fingerprint=" + safe(n.repo() + "/" + n.fingerprint()) + " -->";
  }

  static String runMarker(Notification n) {
    return "<!-- cidoctor:run=" + n.runId() + "." + n.attempt() + " -->";
  }

  private static String safe(String s) {
    return NOT_MARKER_SAFE.matcher(s).replaceAll("_");
  }

  static String title(Notification n) {
    return Text.cut("CI failure in " + Text.oneLine(n.workflow()) + ": " + Text.oneLine(n.diagnosis().summary()), MAX_TITLE);
  }

  /** The issue's first body: markers, then the failure. */
  static String issue(Notification n) {
    return fingerprintMarker(n) + "\n" + runMarker(n) + "\n" + failure(n, MAX_BODY - 200)
        + "\n\n_cidoctor opened this issue for the failure's fingerprint `" + safe(n.fingerprint())
        + "` and comments here when it returns._\n";
  }

  /** A comment for a recurrence or a recovery. */
  static String comment(Notification n) {
    if (n.kind() == Notification.Kind.RECOVERY) {
      return runMarker(n) + "\n" + "✅ **" + Text.githubMarkdown(Facts.title(n)) + "** on `" + code(n.branch()) + "` at "
          + n.shortSha() + link(n) + "; closing.\n";
    }
    return runMarker(n) + "\n" + "The failure returned.\n\n" + failure(n, MAX_BODY - 200) + "\n";
  }

  private static String failure(Notification n, int max) {
    StringBuilder sb = new StringBuilder();
    sb.append("🔴 **").append(Text.githubMarkdown(Facts.title(n))).append("** on `").append(code(n.branch())).append("`")
        .append(link(n)).append("\n\n");
    sb.append("| | |\n|---|---|\n");
    sb.append("| Commit | `").append(n.shortSha()).append("` by ").append(Text.githubMarkdown(Text.oneLine(n.commitAuthor())))
        .append(": ").append(Text.githubMarkdown(Text.oneLine(n.commitHeadline()))).append(" |\n");
    sb.append("| Severity | ").append(Text.githubMarkdown(Facts.severity(n))).append(" |\n");
    sb.append("| Similar failures | ").append(Text.githubMarkdown(Facts.similar(n))).append(" |\n");
    sb.append("| Analysis cost | ").append(Text.githubMarkdown(Facts.cost(n))).append(" |\n\n");
    sb.append("### Root cause\n\n").append(Text.githubMarkdown(Text.oneLine(n.diagnosis().summary()))).append("\n\n");
    StringBuilder lines = new StringBuilder();
    for (Evidence e : n.diagnosis().evidence()) {
      lines.append(Text.noBroadcast(Text.cut(Facts.evidenceLine(e), 500))).append('\n');
    }
    StringBuilder fix = new StringBuilder();
    for (Text.Segment s : Text.segments(n.diagnosis().suggestion())) {
      fix.append(s.code() ? fenced(s.text()) : Text.githubMarkdown(s.text()) + "\n\n");
    }
    int room = max - sb.length() - fix.length() - 100;
    String ev = lines.toString();
    if (ev.length() > room) {
      ev = Text.cut(ev, Math.max(0, room)) + "\n… (cut; the full log is in the run)";
    }
    if (!ev.isBlank()) {
      sb.append(fenced(ev.stripTrailing()));
    }
    if (!fix.isEmpty()) {
      sb.append("### Suggested fix\n\n").append(fix);
    }
    return Text.cut(sb.toString().stripTrailing(), max);
  }

  private static String fenced(String code) {
    String fence = Text.fenceFor(code);
    return fence + "\n" + code + "\n" + fence + "\n\n";
  }

  private static String code(String s) {
    return Text.oneLine(s).replace("`", "ˋ").replace("@", "@" + Text.JOINER);
  }

  private static String link(Notification n) {
    String url = Facts.runUrl(n);
    return url == null ? "" : " ([run](" + url + "))";
  }
}
