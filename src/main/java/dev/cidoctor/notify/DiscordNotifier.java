package dev.cidoctor.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;


/**
 * Posts an embed to a Discord webhook. Limits from Discord's embed reference: title 256, description
 * 4096, 25 fields, field name 256 and value 1024, footer 2048, 6000 characters across an embed.
 * {@code allowed_mentions.parse} is empty, so nothing in the text can ping; only the mapped author is allowed.
 */
final class DiscordNotifier implements Notifier {
  static final int MAX_TITLE = 256;
  static final int MAX_DESCRIPTION = 4096;
  static final int MAX_FIELDS = 25;
  static final int MAX_FIELD_VALUE = 1024;
  static final int MAX_FOOTER = 2048;
  static final int MAX_TOTAL = 6000;
  static final int MAX_CONTENT = 2000;
  /** The description gets at most this much of the 6000, so the fields below it still fit. */
  static final int DESCRIPTION_SHARE = 2500;
  private static final int RED = 0xD73A49;
  private static final int GREEN = 0x2DA44E;

  private final URI webhook;

  DiscordNotifier(URI webhook) {
    this.webhook = webhook;
  }

  @Override
  public String channel() {
    return "discord";
  }

  @Override
  public void send(Notification n) {
    Http.send(channel(), "Discord", Http.postJson(webhook, Json.compact(render(n))).build());
  }

  static ObjectNode render(Notification n) {
    boolean failure = n.kind() == Notification.Kind.FAILURE;
    String url = Facts.runUrl(n);
    ObjectNode msg = Json.object();
    String mention = Facts.mention(n);
    ObjectNode allowed = Json.object();
    allowed.putArray("parse");
    if (mention != null && mention.chars().allMatch(Character::isDigit)) {
      msg.put("content", "<@" + mention + "> your commit is in this run.");
      allowed.putArray("users").add(mention);
    }
    msg.put("username", "cidoctor");
    ObjectNode embed = msg.putArray("embeds").addObject();
    embed.put("title", Text.fit((failure ? "🔴 " : "✅ ") + Facts.title(n) + " · " + n.repo(), MAX_TITLE, Text::discord));
    if (url != null) {
      embed.put("url", url);
    }
    embed.put("color", failure ? RED : GREEN);
    String footer = "cidoctor" + (n.fingerprint() == null ? "" : " · " + n.fingerprint());
    int used = embed.path("title").asText().length() + footer.length();
    if (failure) {
      String description = description(n, url, DESCRIPTION_SHARE);
      embed.put("description", description);
      used += description.length();
    }
    ArrayNode fields = embed.putArray("fields");
    used = field(fields, used, "Branch", Text.fit(n.branch(), MAX_FIELD_VALUE, Text::discord), true);
    used = field(fields, used, "Commit", Text.fit(n.shortSha() + " by " + Text.oneLine(n.commitAuthor()) + ": "
        + Text.oneLine(n.commitHeadline()), MAX_FIELD_VALUE, Text::discord), false);
    if (failure) {
      used = field(fields, used, "Severity", Text.fit(Facts.severity(n), MAX_FIELD_VALUE, Text::discord), true);
      used = field(fields, used, "Similar failures", Text.fit(Facts.similar(n), MAX_FIELD_VALUE, Text::discord), true);
      used = field(fields, used, "Analysis cost", Text.fit(Facts.cost(n), MAX_FIELD_VALUE, Text::discord), true);
      int shown = 0;
      for (Text.Segment s : Text.segments(n.diagnosis().suggestion())) {
        if (fields.size() >= MAX_FIELDS || shown++ == 6) {
          break;
        }
        String name = shown == 1 ? "💡 Suggested fix" : "\u200b";
        String value = s.code() ? "```\n" + Text.fit(s.text(), MAX_FIELD_VALUE - 8, Text::discordCode) + "\n```"
            : Text.fit(s.text(), MAX_FIELD_VALUE, Text::discord);
        used = field(fields, used, name, value, false);
      }
    }
    embed.putObject("footer").put("text", Text.cut(footer, MAX_FOOTER));
    embed.put("timestamp", n.occurredAt().toString());
    msg.set("allowed_mentions", allowed);
    return msg;
  }

  private static String description(Notification n, String url, int max) {
    String cause = "**Root cause**\n" + Text.fit(Text.oneLine(n.diagnosis().summary()), Math.min(1000, max / 2), Text::discord);
    if (n.diagnosis().evidence().isEmpty()) {
      return cause;
    }
    String more = url == null ? "\n… more in the run's log" : "\n… [full log](" + url + ")";
    boolean[] cut = new boolean[1];
    String lines = Facts.evidence(n, max - cause.length() - more.length() - 12, Text::discordCode, cut);
    return cause + "\n```\n" + lines + "\n```" + (cut[0] ? more : "");
  }

  /** Adds a field when the embed stays within {@link #MAX_TOTAL}; returns the characters now used. */
  private static int field(ArrayNode fields, int used, String name, String value, boolean inline) {
    String v = value.isBlank() ? "-" : value;
    if (used + name.length() + v.length() > MAX_TOTAL) {
      return used;
    }
    fields.addObject().put("name", name).put("value", v).put("inline", inline);
    return used + name.length() + v.length();
  }
}
