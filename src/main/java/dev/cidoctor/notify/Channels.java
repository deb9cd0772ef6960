package dev.cidoctor.notify;

import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.model.Category;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.Severity;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Builds the configured channels from settings (the {@code Config.values()} map: .env and
 * environment). A channel is configured when its key is set; a configured channel with a bad
 * setting is an error naming the key, never echoing a secret value.
 */
public final class Channels {
  /** Every channel name, in the order {@code notify test} lists them. */
  public static final List<String> NAMES = List.of("slack", "discord", "email", "github", "pagerduty", "opsgenie", "webhook");

  private Channels() {}

  /** Returns every configured channel by name; throws NotifyException(CONFIG) listing all problems at once. */
  public static Map<String, Notifier> configured(Map<String, String> settings) {
    Map<String, Notifier> out = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String name : NAMES) {
      if (isConfigured(name, settings)) {
        try {
          out.put(name, create(name, settings));
        } catch (NotifyException e) {
          problems.add(e.getMessage());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new NotifyException(NotifyException.Reason.CONFIG, null, 0,
          "The notification settings have " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ":\n  "
              + String.join("\n  ", problems), problems, null);
    }
    return out;
  }

  /** Says whether the settings turn {@code name} on. */
  public static boolean isConfigured(String name, Map<String, String> s) {
    return switch (name) {
      case "slack" -> set(s, "SLACK_WEBHOOK_URL");
      case "discord" -> set(s, "DISCORD_WEBHOOK_URL");
      case "email" -> truthy(s.get("EMAIL_ENABLED"));
      case "github" -> truthy(s.get("GITHUB_CREATE_ISSUES"));
      case "pagerduty" -> set(s, "PAGERDUTY_ROUTING_KEY");
      case "opsgenie" -> set(s, "OPSGENIE_API_KEY");
      case "webhook" -> set(s, "NOTIFY_WEBHOOK_URL");
      default -> false;
    };
  }

  /** Builds one channel; throws NotifyException(CONFIG) when it is unknown, off, or misconfigured. */
  public static Notifier create(String name, Map<String, String> s) {
    if (!NAMES.contains(name)) {
      throw config(name, "There is no channel '" + name + "'; the channels are " + String.join(", ", NAMES) + ".");
    }
    if (!isConfigured(name, s)) {
      throw config(name, name + " is not configured: set " + switch (name) {
        case "slack" -> "SLACK_WEBHOOK_URL";
        case "discord" -> "DISCORD_WEBHOOK_URL";
        case "email" -> "EMAIL_ENABLED=true, SMTP_HOST, EMAIL_FROM and EMAIL_TO";
        case "github" -> "GITHUB_CREATE_ISSUES=true and GITHUB_TOKEN";
        case "pagerduty" -> "PAGERDUTY_ROUTING_KEY";
        case "opsgenie" -> "OPSGENIE_API_KEY";
        default -> "NOTIFY_WEBHOOK_URL";
      } + ".");
    }
    return switch (name) {
      case "slack" -> new SlackNotifier(Http.uri(name, "SLACK_WEBHOOK_URL", s.get("SLACK_WEBHOOK_URL")));
      case "discord" -> new DiscordNotifier(Http.uri(name, "DISCORD_WEBHOOK_URL", s.get("DISCORD_WEBHOOK_URL")));
      case "webhook" -> new WebhookNotifier(Http.uri(name, "NOTIFY_WEBHOOK_URL", s.get("NOTIFY_WEBHOOK_URL")));
      case "pagerduty" -> new PagerDutyNotifier(Http.uri(name, "PAGERDUTY_EVENTS_URL",
          s.getOrDefault("PAGERDUTY_EVENTS_URL", PagerDutyNotifier.DEFAULT_URL)), s.get("PAGERDUTY_ROUTING_KEY").strip());
      case "opsgenie" -> new OpsgenieNotifier(Http.uri(name, "OPSGENIE_API_URL",
          s.getOrDefault("OPSGENIE_API_URL", OpsgenieNotifier.DEFAULT_URL)), s.get("OPSGENIE_API_KEY").strip());
      case "github" -> github(s);
      default -> email(s);
    };
  }

  private static Notifier github(Map<String, String> s) {
    if (!set(s, "GITHUB_TOKEN")) {
      throw config("github", "GITHUB_CREATE_ISSUES is on but GITHUB_TOKEN is not set; set it to a token with issues:write.");
    }
    List<String> labels = new ArrayList<>();
    for (String l : s.getOrDefault("GITHUB_ISSUE_LABELS", "cidoctor,ci-failure").split(",")) {
      if (!l.isBlank()) {
        labels.add(l.strip());
      }
    }
    if (labels.isEmpty()) {
      throw config("github", "GITHUB_ISSUE_LABELS is empty; cidoctor needs at least one label to find its issues again.");
    }
    return new GitHubIssueNotifier(Http.uri("github", "GITHUB_API_URL", s.getOrDefault("GITHUB_API_URL", GitHubIssueNotifier.DEFAULT_API)),
        s.get("GITHUB_TOKEN").strip(), labels);
  }

  private static Notifier email(Map<String, String> s) {
    List<String> missing = new ArrayList<>();
    for (String k : List.of("SMTP_HOST", "EMAIL_FROM", "EMAIL_TO")) {
      if (!set(s, k)) {
        missing.add(k);
      }
    }
    if (!missing.isEmpty()) {
      throw config("email", "EMAIL_ENABLED is on but " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not set.");
    }
    EmailNotifier.Security security;
    try {
      security = EmailNotifier.Security.valueOf(s.getOrDefault("SMTP_SECURITY", "starttls").strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw config("email", "SMTP_SECURITY is '" + s.get("SMTP_SECURITY") + "'; expected starttls, tls or none.");
    }
    int port;
    String p = s.getOrDefault("SMTP_PORT", security == EmailNotifier.Security.TLS ? "465" : security == EmailNotifier.Security.NONE ? "25" : "587");
    try {
      port = Integer.parseInt(p.strip());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw config("email", "SMTP_PORT is '" + p + "'; expected a port number (587 for STARTTLS, 465 for TLS).");
    }
    InternetAddress from = address("EMAIL_FROM", s.get("EMAIL_FROM"));
    List<InternetAddress> to = new ArrayList<>();
    for (String a : s.get("EMAIL_TO").split(",")) {
      if (!a.isBlank()) {
        to.add(address("EMAIL_TO", a));
      }
    }
    String user = set(s, "SMTP_USER") ? s.get("SMTP_USER").strip() : null;
    if (user != null && !set(s, "SMTP_PASSWORD")) {
      throw config("email", "SMTP_USER is set but SMTP_PASSWORD is not.");
    }
    return new EmailNotifier(s.get("SMTP_HOST").strip(), port, security, user, user == null ? null : s.get("SMTP_PASSWORD"),
        from, to, new Properties());
  }

  private static InternetAddress address(String key, String value) {
    try {
      InternetAddress a = new InternetAddress(value.strip(), true);
      return a;
    } catch (AddressException e) {
      throw config("email", key + " has '" + value.strip() + "', which is not an email address.");
    }
  }

  /** A realistic notification for {@code cidoctor notify test}: the seed's unmocked HTTP call. */
  public static Notification sample(Instant now) {
    Diagnosis d = new Diagnosis("sample.log", "test", Category.TEST_FAILURE, Severity.HIGH, false,
        "Test failure due to an unmocked external HTTP request (requests.exceptions.ConnectionError: connection refused)",
        "This is a test notification from `cidoctor notify test`. A real one suggests a fix, for example:\n\n```python\n"
            + "@responses.activate\ndef test_login_with_invalid_token():\n    responses.add(responses.POST, \"https://auth.example.com/login\", status=401)\n```",
        "python.pytest.unmocked-http-connection-refused", 0.9,
        List.of(new Evidence(null, 234, "FAILED tests/test_auth.py::test_login_with_invalid_token"),
            new Evidence(null, 235, "requests.exceptions.ConnectionError: Connection refused")),
        "Run tests", List.of(), "sha256:0000000000000000", List.of());
    return new Notification(Notification.Kind.FAILURE, "cidoctor/notify-test", "cidoctor test", 1, 1, 1, "main",
        "0000000000000000000000000000000000000000", "cidoctor", "Test notification",
        "https://github.com/cidoctor/notify-test/actions/runs/1", d, null, 3, "3 times in the past week",
        new AnalysisCost(0.0, 0, 0, 1200), false, false, now, null);
  }

  private static NotifyException config(String channel, String message) {
    return new NotifyException(NotifyException.Reason.CONFIG, channel, 0, message);
  }

  private static boolean set(Map<String, String> s, String key) {
    return s.get(key) != null && !s.get(key).isBlank();
  }

  private static boolean truthy(String v) {
    return v != null && (v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"));
  }
}
