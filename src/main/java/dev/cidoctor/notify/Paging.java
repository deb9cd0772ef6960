package dev.cidoctor.notify;

import dev.cidoctor.model.Severity;

/** What the paging channels (PagerDuty, Opsgenie) share: which events page, and the dedup key. */
final class Paging {
  private Paging() {}

  /** Only high and critical failures page; a recovery resolves whatever its fingerprint paged. */
  static boolean pages(Notification n) {
    if (n.fingerprint() == null) {
      return false;
    }
    Severity s = n.severity();
    return n.kind() == Notification.Kind.RECOVERY || s == Severity.HIGH || s == Severity.CRITICAL;
  }

  /**
   * The incident's identity: repo and fingerprint (the same failure in two repos is two incidents).
   * At most 255 characters, PagerDuty's limit for dedup_key (Opsgenie allows 512 for alias).
   */
  static String key(Notification n) {
    return Text.cut("cidoctor/" + n.repo() + "/" + n.fingerprint(), 255);
  }

  /** One line: "CI #1235 failed in octo/app on main: summary". */
  static String summary(Notification n) {
    return Text.noBroadcast(Facts.title(n) + " in " + n.repo() + " on " + Text.oneLine(n.branch())
        + (n.diagnosis() == null ? "" : ": " + Text.oneLine(n.diagnosis().summary())));
  }
}
