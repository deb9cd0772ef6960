package dev.cidoctor.notify;

import dev.cidoctor.model.Evidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which channels hear about a notification, and with whom mentioned: no notification while an
 * automatic retry is pending, none for a muted failure (until the mute expires), by default none for a
 * repeat of a failure already reported on the branch, and recoveries unless turned off. Pure: the
 * time is a parameter.
 */
public final class Router {
  private final Routing routing;

  public Router(Routing routing) {
    this.routing = routing;
  }

  /** One channel to deliver to, with the notification as that channel should see it (its mention set). */
  public record Delivery(String channel, Notification notification) {}

  /** The deliveries, or none and the reason why (for the log). */
  public record Decision(List<Delivery> deliveries, String skipped) {}

  /** Routes {@code n} among the {@code configured} channels at {@code now}. */
  public Decision decide(Notification n, Collection<String> configured, Instant now) {
    if (n.retryPending()) {
      return skip("an automatic retry of this run is pending");
    }
    if (n.kind() == Notification.Kind.RECOVERY && !routing.policy().recovery()) {
      return skip("recovery notifications are off (policy.recovery: false)");
    }
    if (n.kind() == Notification.Kind.FAILURE) {
      Routing.Mute mute = muting(n, now);
      if (mute != null) {
        return skip("muted" + (mute.reason() == null ? "" : " (" + mute.reason() + ")")
            + (mute.expires() == null ? "" : " until " + mute.expires()));
      }
      if (n.repeat() && !routing.policy().everyFailure()) {
        return skip("this failure was already reported on " + n.branch() + " (policy.notify: first)");
      }
    }
    Set<String> channels = new LinkedHashSet<>();
    if (routing.routes().isEmpty()) {
      channels.addAll(configured);
    }
    for (Routing.Route r : routing.routes()) {
      if (matches(r, n)) {
        r.channels().stream().filter(configured::contains).forEach(channels::add);
      }
    }
    if (channels.isEmpty()) {
      return skip("no route sends it to a configured channel");
    }
    List<Delivery> out = new ArrayList<>();
    Map<String, String> ids = n.commitAuthor() == null ? Map.of() : routing.mentions().getOrDefault(n.commitAuthor(), Map.of());
    for (String c : channels) {
      out.add(new Delivery(c, n.withMention(ids.get(c))));
    }
    return new Decision(out, null);
  }

  private static Decision skip(String why) {
    return new Decision(List.of(), why);
  }

  /** The first unexpired mute rule that matches the failure, or null. */
  Routing.Mute muting(Notification n, Instant now) {
    for (Routing.Mute m : routing.mutes()) {
      if (m.expires() != null && !now.isBefore(m.expires())) {
        continue;
      }
      if (m.repo() != null && !m.repo().matcher(n.repo()).matches()) {
        continue;
      }
      if (m.ruleId() != null && !m.ruleId().equals(n.diagnosis().ruleId())) {
        continue;
      }
      if (m.fingerprint() != null && !m.fingerprint().equals(n.fingerprint())) {
        continue;
      }
      if (m.regex() != null && !found(m.regex(), n)) {
        continue;
      }
      return m;
    }
    return null;
  }

  /**
   * Says whether a user's regex finds something in the summary or the evidence. A regex from a config
   * file can backtrack catastrophically on a log line, so the search reads at most {@link #REGEX_BUDGET}
   * characters in all and then treats the rule as not matching (the failure is notified, not lost).
   */
  private static boolean found(Pattern regex, Notification n) {
    int[] budget = {REGEX_BUDGET};
    try {
      if (n.diagnosis().summary() != null && regex.matcher(new Budgeted(n.diagnosis().summary(), budget)).find()) {
        return true;
      }
      for (Evidence e : n.diagnosis().evidence()) {
        if (regex.matcher(new Budgeted(e.text(), budget)).find()) {
          return true;
        }
      }
    } catch (BudgetExceeded e) {
      return false;
    }
    return false;
  }

  static final int REGEX_BUDGET = 5_000_000;

  private static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExceeded() {
      super(null, null, false, false);
    }
  }

  /** A CharSequence that counts every character the regex engine reads against a shared budget. */
  private record Budgeted(String text, int[] budget) implements CharSequence {
    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      if (--budget[0] < 0) {
        throw new BudgetExceeded();
      }
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Budgeted(text.substring(start, end), budget);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private static boolean matches(Routing.Route r, Notification n) {
    if (!any(r.repos(), n.repo()) || !any(r.branches(), n.branch()) || !any(r.workflows(), n.workflow())) {
      return false;
    }
    if (n.kind() == Notification.Kind.RECOVERY) {
      return true;
    }
    if (r.categories() != null && !r.categories().contains(n.diagnosis().category())) {
      return false;
    }
    return r.minSeverity() == null || n.diagnosis().severity().compareTo(r.minSeverity()) >= 0;
  }

  private static boolean any(List<Pattern> globs, String value) {
    if (globs == null) {
      return true;
    }
    for (Pattern p : globs) {
      if (value != null && p.matcher(value).matches()) {
        return true;
      }
    }
    return false;
  }
}
