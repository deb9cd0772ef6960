package dev.cidoctor.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes untrusted text (log lines, branch names, commit messages) for each channel's markup, and
 * cuts text to a channel's limits. Every escape also breaks broadcast words ({@code @channel},
 * {@code @here}, {@code @everyone}) with a word joiner, so no client turns them into a ping.
 */
final class Text {
  /** U+2060 WORD JOINER: invisible, and stops "@here" from being read as one word. */
  static final String JOINER = "\u2060";
  static final String ELLIPSIS = "…";
  private static final Pattern BROADCAST = Pattern.compile("(?i)@(channel|here|everyone|all)\\b");
  private static final Pattern MENTION = Pattern.compile("@(?=[A-Za-z0-9])");
  private static final Pattern FENCE = Pattern.compile("```[^\\n]*\\n(.*?)(?:\\n```|\\z)", Pattern.DOTALL);

  private Text() {}

  /** One part of a suggestion: prose, or a code snippet taken from a fenced block. */
  record Segment(boolean code, String text) {}

  /** Breaks {@code @channel}, {@code @here}, {@code @everyone} and {@code @all}. */
  static String noBroadcast(String s) {
    return BROADCAST.matcher(s).replaceAll("@" + JOINER + "$1");
  }

  /**
   * Escapes for Slack mrkdwn and plain_text: {@code & < >} become entities (Slack's documented control
   * characters, which also disarms {@code <!channel>}, {@code <@U123>} and {@code <url|text>}), and
   * broadcasts are broken. Markup characters are left to the caller, which puts prose in plain_text.
   */
  static String slack(String s) {
    if (s == null) {
      return "";
    }
    return noBroadcast(s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
  }

  /** Escapes for a Slack code block: as {@link #slack} and no backtick runs that could close the block. */
  static String slackCode(String s) {
    return slack(s).replace("`", "ˋ");
  }

  /**
   * Escapes Discord markdown with backslashes (bold, italics, strike, spoilers, code, quotes, headings,
   * masked links, {@code <@id>} and {@code <#id>} mentions) and breaks broadcasts and {@code @name}.
   */
  static String discord(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("\\*_~`|>#[]()<".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return MENTION.matcher(noBroadcast(sb.toString())).replaceAll("@" + JOINER);
  }

  /** Escapes for a Discord code block: nothing inside is markup, but a backtick run could close it. */
  static String discordCode(String s) {
    return noBroadcast(s == null ? "" : s).replace("`", "ˋ");
  }

  /** Escapes for HTML text and attribute values. */
  static String html(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Escapes GitHub-flavoured markdown: backslash before markup, HTML tags disarmed, and every
   * {@code @login} or {@code @org/team} broken so the issue does not notify people the log named.
   */
  static String githubMarkdown(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        default -> {
          if ("\\*_~`|#[]()!".indexOf(c) >= 0) {
            sb.append('\\');
          }
          sb.append(c);
        }
      }
    }
    return MENTION.matcher(sb.toString()).replaceAll("@" + JOINER);
  }

  /** A markdown code fence longer than any backtick run in {@code s}, so the content cannot close it. */
  static String fenceFor(String s) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }

  /** Cuts {@code s} to at most {@code max} characters, ending with an ellipsis when cut. */
  static String cut(String s, int max) {
    if (s == null) {
      return "";
    }
    if (s.length() <= max) {
      return s;
    }
    int end = max - ELLIPSIS.length();
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, Math.max(0, end)) + ELLIPSIS;
  }

  /**
   * Escapes {@code raw} with {@code escape}, cutting the raw text (never the escaped form, which would
   * split an entity or an escape) to the longest prefix whose escaped form fits in {@code max}.
   */
  static String fit(String raw, int max, java.util.function.UnaryOperator<String> escape) {
    String r = raw == null ? "" : raw;
    String e = escape.apply(r);
    if (e.length() <= max) {
      return e;
    }
    int lo = 0;
    int hi = r.length() - 1;
    String best = max >= ELLIPSIS.length() ? ELLIPSIS : "";
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      String candidate = escape.apply(cut(r, mid));
      if (candidate.length() <= max) {
        best = candidate;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return best;
  }

  /** One line: newlines and tabs become spaces. */
  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
  }

  /** Splits a suggestion into prose and the code of its fenced blocks, in order; blank parts are dropped. */
  static List<Segment> segments(String suggestion) {
    List<Segment> out = new ArrayList<>();
    if (suggestion == null) {
      return out;
    }
    Matcher m = FENCE.matcher(suggestion);
    int at = 0;
    while (m.find()) {
      add(out, false, suggestion.substring(at, m.start()));
      add(out, true, m.group(1));
      at = m.end();
    }
    add(out, false, suggestion.substring(at));
    return out;
  }

  private static void add(List<Segment> out, boolean code, String text) {
    String t = code ? text.stripTrailing() : text.strip();
    if (!t.isBlank()) {
      out.add(new Segment(code, t));
    }
  }
}
