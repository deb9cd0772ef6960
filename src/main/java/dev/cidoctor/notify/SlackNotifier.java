package dev.cidoctor.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;

/**
 * Posts Block Kit messages to a Slack incoming webhook. Limits from Slack's Block Kit reference: 50
 * blocks a message, 150 characters of header text, 3000 of section text, 10 fields of 2000, 10
 * context elements, 75 characters of button text. Untrusted prose goes in plain_text objects and log
 * lines in code blocks, all with {@code & < >} escaped, so nothing from a log can format, link or ping.
 */
final class SlackNotifier implements Notifier {
  static final int MAX_BLOCKS = 50;
  static final int MAX_HEADER = 150;
  static final int MAX_SECTION = 3000;
  static final int MAX_FIELD = 2000;
  static final int MAX_BUTTON = 75;
  private static final int MAX_SEGMENTS = 8;

  private final URI webhook;

  SlackNotifier(URI webhook) {
    this.webhook = webhook;
  }

  @Override
  public String channel() {
    return "slack";
  }

  @Override
  public void send(Notification n) {
    Http.send(channel(), "Slack", Http.postJson(webhook, Json.compact(render(n))).build());
  }

  static ObjectNode render(Notification n) {
    boolean failure = n.kind() == Notification.Kind.FAILURE;
    String url = Facts.runUrl(n);
    ObjectNode msg = Json.object();
    String fallback = Facts.title(n) + " in " + n.repo() + " on " + Text.oneLine(n.branch())
        + (failure ? ": " + Text.oneLine(n.diagnosis().summary()) : "");
    msg.put("text", Text.fit(fallback, MAX_SECTION, Text::slack));
    ArrayNode blocks = msg.putArray("blocks");
    blocks.add(header((failure ? "🔴 " : "✅ ") + Facts.title(n)));

    ObjectNode facts = block("section");
    ArrayNode fields = facts.putArray("fields");
    fields.add(mrkdwn("*Repository*\n`" + Text.slackCode(Text.cut(n.repo(), 200)) + "`"));
    fields.add(mrkdwn("*Branch*\n`" + Text.slackCode(Text.cut(Text.oneLine(n.branch()), 250)) + "`"));
    fields.add(plain("Commit " + n.shortSha() + " by " + Text.cut(Text.oneLine(n.commitAuthor()), 100) + "\n"
        + Text.oneLine(n.commitHeadline()), MAX_FIELD));
    if (failure) {
      fields.add(mrkdwn("*Severity*\n" + Text.slack(Facts.severity(n))));
    }
    blocks.add(facts);
    String mention = Facts.mention(n);
    if (mention != null) {
      blocks.add(section(mrkdwn("<@" + mention + "> your commit is in this run.")));
    }
    if (failure) {
      blocks.add(section(plain("🤖 Root cause: " + Text.oneLine(n.diagnosis().summary()), MAX_SECTION)));
      if (!n.diagnosis().evidence().isEmpty()) {
        boolean[] cut = new boolean[1];
        String more = url == null ? "" : "\n… the full log is in <" + url + "|the run>";
        String lines = Facts.evidence(n, MAX_SECTION - 8 - more.length(), Text::slackCode, cut);
        blocks.add(section(mrkdwn("```" + lines + "```" + (cut[0] ? more : ""))));
      }
      suggestion(n, blocks);
      ObjectNode context = block("context");
      ArrayNode ctx = context.putArray("elements");
      ctx.add(plain("📊 " + Facts.similar(n), MAX_FIELD));
      ctx.add(plain("💰 Cost: " + Facts.cost(n), MAX_FIELD));
      blocks.add(context);
    }
    if (url != null) {
      ObjectNode actions = block("actions");
      ObjectNode button = actions.putArray("elements").addObject();
      button.put("type", "button");
      button.set("text", plain("View run", MAX_BUTTON));
      button.put("url", url);
      blocks.add(actions);
    }
    return msg;
  }

  private static void suggestion(Notification n, ArrayNode blocks) {
    List<Text.Segment> segments = Text.segments(n.diagnosis().suggestion());
    if (segments.isEmpty()) {
      return;
    }
    blocks.add(section(mrkdwn("*💡 Suggested fix*")));
    int shown = 0;
    for (Text.Segment s : segments) {
      if (shown++ == MAX_SEGMENTS) {
        break;
      }
      if (s.code()) {
        blocks.add(section(mrkdwn("```" + Text.fit(s.text(), MAX_SECTION - 6, Text::slackCode) + "```")));
      } else {
        blocks.add(section(plain(s.text(), MAX_SECTION)));
      }
    }
  }

  private static ObjectNode header(String text) {
    ObjectNode h = block("header");
    h.set("text", plain(Text.oneLine(text), MAX_HEADER));
    return h;
  }

  private static ObjectNode block(String type) {
    ObjectNode b = Json.object();
    b.put("type", type);
    return b;
  }

  private static ObjectNode section(ObjectNode text) {
    ObjectNode s = block("section");
    s.set("text", text);
    return s;
  }

  /** A plain_text object of at most {@code max} characters: Slack applies no markup to it; {@code & < >} are still escaped. */
  private static ObjectNode plain(String text, int max) {
    ObjectNode t = Json.object();
    t.put("type", "plain_text");
    t.put("text", Text.fit(text, max, Text::slack));
    t.put("emoji", true);
    return t;
  }

  /** A mrkdwn object whose untrusted parts the caller escaped; verbatim stops Slack's auto-linking. */
  private static ObjectNode mrkdwn(String text) {
    ObjectNode t = Json.object();
    t.put("type", "mrkdwn");
    t.put("text", text);
    t.put("verbatim", true);
    return t;
  }
}
