package dev.cidoctor.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a payload against the documented limits of its service and lists every violation. The numbers
 * are Slack's Block Kit reference and Discord's embed reference, restated here independently of the
 * constants in the adapters so a wrong constant is caught.
 */
final class Limits {
  private Limits() {}

  static List<String> slack(JsonNode msg) {
    List<String> problems = new ArrayList<>();
    JsonNode blocks = msg.path("blocks");
    max(problems, "blocks", blocks.size(), 50);
    max(problems, "text", msg.path("text").asText().length(), 40000);
    for (JsonNode b : blocks) {
      String type = b.path("type").asText();
      switch (type) {
        case "header" -> {
          max(problems, "header text", b.path("text").path("text").asText().length(), 150);
          expect(problems, "header text type", b.path("text").path("type").asText(), "plain_text");
        }
        case "section" -> {
          if (b.has("text")) {
            max(problems, "section text", b.path("text").path("text").asText().length(), 3000);
          }
          max(problems, "section fields", b.path("fields").size(), 10);
          for (JsonNode f : b.path("fields")) {
            max(problems, "field text", f.path("text").asText().length(), 2000);
          }
        }
        case "context" -> {
          max(problems, "context elements", b.path("elements").size(), 10);
          for (JsonNode e : b.path("elements")) {
            max(problems, "context text", e.path("text").asText().length(), 2000);
          }
        }
        case "actions" -> {
          max(problems, "actions elements", b.path("elements").size(), 25);
          for (JsonNode e : b.path("elements")) {
            max(problems, "button text", e.path("text").path("text").asText().length(), 75);
            max(problems, "button url", e.path("url").asText().length(), 3000);
          }
        }
        default -> problems.add("unexpected block type " + type);
      }
    }
    return problems;
  }

  static List<String> discord(JsonNode msg) {
    List<String> problems = new ArrayList<>();
    max(problems, "content", msg.path("content").asText().length(), 2000);
    max(problems, "embeds", msg.path("embeds").size(), 10);
    if (!msg.path("allowed_mentions").path("parse").isArray() || msg.path("allowed_mentions").path("parse").size() != 0) {
      problems.add("allowed_mentions.parse must be []");
    }
    int total = 0;
    for (JsonNode e : msg.path("embeds")) {
      int title = e.path("title").asText().length();
      int description = e.path("description").asText().length();
      int footer = e.path("footer").path("text").asText().length();
      max(problems, "title", title, 256);
      max(problems, "description", description, 4096);
      max(problems, "footer", footer, 2048);
      max(problems, "fields", e.path("fields").size(), 25);
      int embedTotal = title + description + footer;
      for (JsonNode f : e.path("fields")) {
        max(problems, "field name", f.path("name").asText().length(), 256);
        max(problems, "field value", f.path("value").asText().length(), 1024);
        if (f.path("value").asText().isEmpty() || f.path("name").asText().isEmpty()) {
          problems.add("empty field name or value");
        }
        embedTotal += f.path("name").asText().length() + f.path("value").asText().length();
      }
      total += embedTotal;
    }
    max(problems, "total characters", total, 6000);
    return problems;
  }

  private static void max(List<String> problems, String what, int actual, int limit) {
    if (actual > limit) {
      problems.add(what + " is " + actual + ", over the limit of " + limit);
    }
  }

  private static void expect(List<String> problems, String what, String actual, String expected) {
    if (!actual.equals(expected)) {
      problems.add(what + " is " + actual + ", expected " + expected);
    }
  }
}
