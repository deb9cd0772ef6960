package dev.cidoctor.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cidoctor.model.Category;
import dev.cidoctor.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the routing file (NOTIFY_CONFIG) and reports every problem at once. The grammar:
 * <pre>
 * policy:   {notify: first|every, recovery: true|false}
 * routes:   [{repo, branch, workflow: glob or list, category: name or list, severity: at least, channels: [..]}]
 * mute:     [{rule | fingerprint | regex, repo: glob, expires: 2026-12-31 or an instant, reason}]
 * mentions: {github-login: {slack: U123, discord: "1234"}}
 * </pre>
 */
public final class RoutingLoader {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Set<String> TOP = Set.of("policy", "routes", "mute", "mentions");
  private static final Set<String> ROUTE = Set.of("repo", "branch", "workflow", "category", "severity", "channels");
  private static final Set<String> MUTE = Set.of("rule", "fingerprint", "regex", "repo", "expires", "reason");

  private RoutingLoader() {}

  /** Loads {@code file}; throws NotifyException(CONFIG) listing every problem, each prefixed with the file. */
  public static Routing load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw fail(file.toString(), List.of(file + ": cannot be read (" + e.getClass().getSimpleName() + ")"));
    }
    return parse(text, file.toString());
  }

  /** Parses routing YAML; {@code source} names it in messages. */
  public static Routing parse(String yaml, String source) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
      String first = e.getOriginalMessage().lines().findFirst().orElse("").strip();
      throw fail(source, List.of(source + where + ": not valid YAML (" + first + ")"));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return Routing.defaults();
    }
    List<String> problems = new ArrayList<>();
    if (!root.isObject()) {
      throw fail(source, List.of(source + ": expected a mapping with policy, routes, mute and mentions"));
    }
    unknown(problems, source, "", root, TOP);
    Routing.Policy policy = policy(problems, source, root.path("policy"));
    List<Routing.Route> routes = new ArrayList<>();
    int i = 0;
    for (JsonNode r : root.path("routes")) {
      routes.add(route(problems, source + ": routes[" + i++ + "]", r));
    }
    List<Routing.Mute> mutes = new ArrayList<>();
    i = 0;
    for (JsonNode m : root.path("mute")) {
      mutes.add(mute(problems, source + ": mute[" + i++ + "]", m));
    }
    Map<String, Map<String, String>> mentions = new HashMap<>();
    root.path("mentions").fields().forEachRemaining(e -> {
      Map<String, String> ids = new LinkedHashMap<>();
      e.getValue().fields().forEachRemaining(c -> {
        if (!Channels.NAMES.contains(c.getKey())) {
          problems.add(source + ": mentions." + e.getKey() + "." + c.getKey() + ": no such channel; expected one of " + Channels.NAMES);
        }
        ids.put(c.getKey(), c.getValue().asText());
      });
      mentions.put(e.getKey(), ids);
    });
    if (!problems.isEmpty()) {
      throw fail(source, problems);
    }
    return new Routing(policy, routes, mutes, mentions);
  }

  private static Routing.Policy policy(List<String> problems, String source, JsonNode p) {
    if (p.isMissingNode()) {
      return Routing.defaults().policy();
    }
    unknown(problems, source, "policy.", p, Set.of("notify", "recovery"));
    String notify = p.path("notify").asText("first");
    if (!notify.equals("first") && !notify.equals("every")) {
      problems.add(source + ": policy.notify: '" + notify + "' is not first or every");
    }
    JsonNode rec = p.path("recovery");
    if (!rec.isMissingNode() && !rec.isBoolean()) {
      problems.add(source + ": policy.recovery: '" + rec.asText() + "' is not true or false");
    }
    return new Routing.Policy(notify.equals("every"), rec.asBoolean(true));
  }

  private static Routing.Route route(List<String> problems, String where, JsonNode r) {
    unknown(problems, where, ".", r, ROUTE);
    Set<Category> categories = null;
    if (r.has("category")) {
      categories = EnumSet.noneOf(Category.class);
      for (String c : strings(r.get("category"))) {
        try {
          categories.add(Category.fromWireName(c));
        } catch (IllegalArgumentException e) {
          problems.add(where + ".category: " + e.getMessage());
        }
      }
    }
    Severity severity = null;
    if (r.has("severity")) {
      try {
        severity = Severity.fromWireName(r.get("severity").asText());
      } catch (IllegalArgumentException e) {
        problems.add(where + ".severity: " + e.getMessage());
      }
    }
    List<String> channels = strings(r.path("channels"));
    if (channels.isEmpty()) {
      problems.add(where + ".channels: a route needs at least one channel");
    }
    for (String c : channels) {
      if (!Channels.NAMES.contains(c)) {
        problems.add(where + ".channels: '" + c + "' is not a channel; expected one of " + Channels.NAMES);
      }
    }
    return new Routing.Route(globs(r.get("repo")), globs(r.get("branch")), globs(r.get("workflow")), categories, severity, channels);
  }

  private static Routing.Mute mute(List<String> problems, String where, JsonNode m) {
    unknown(problems, where, ".", m, MUTE);
    if (!m.has("rule") && !m.has("fingerprint") && !m.has("regex")) {
      problems.add(where + ": a mute rule needs rule, fingerprint or regex");
    }
    Pattern regex = null;
    if (m.has("regex")) {
      try {
        regex = Pattern.compile(m.get("regex").asText());
      } catch (PatternSyntaxException e) {
        problems.add(where + ".regex: " + e.getDescription() + " near index " + e.getIndex());
      }
    }
    Instant expires = null;
    if (m.has("expires")) {
      String v = m.get("expires").asText();
      try {
        expires = v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
      } catch (DateTimeParseException e) {
        problems.add(where + ".expires: '" + v + "' is not a date (2026-12-31) or an instant (2026-12-31T18:00:00Z)");
      }
    }
    List<Pattern> repo = globs(m.get("repo"));
    return new Routing.Mute(text(m, "rule"), text(m, "fingerprint"), regex, repo == null ? null : repo.get(0), expires, text(m, "reason"));
  }

  private static void unknown(List<String> problems, String where, String prefix, JsonNode node, Set<String> known) {
    if (!node.isObject()) {
      if (!node.isMissingNode()) {
        problems.add(where + (prefix.length() > 1 ? ": " + prefix.substring(0, prefix.length() - 1) : "") + ": expected a mapping");
      }
      return;
    }
    node.fieldNames().forEachRemaining(f -> {
      if (!known.contains(f)) {
        problems.add(where + (prefix.equals(".") ? "." : ": " + prefix) + f + ": unknown key; expected one of " + new java.util.TreeSet<>(known));
      }
    });
  }

  private static List<Pattern> globs(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    List<Pattern> out = new ArrayList<>();
    for (String g : strings(n)) {
      String[] parts = g.split("\\*", -1);
      StringBuilder re = new StringBuilder();
      for (int i = 0; i < parts.length; i++) {
        re.append(i > 0 ? ".*" : "").append(Pattern.quote(parts[i]));
      }
      out.add(Pattern.compile(re.toString()));
    }
    return out;
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null || n.isMissingNode() || n.isNull()) {
      return out;
    }
    if (n.isArray()) {
      n.forEach(x -> out.add(x.asText()));
    } else {
      out.add(n.asText());
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    return n.has(field) ? n.get(field).asText() : null;
  }

  private static NotifyException fail(String source, List<String> problems) {
    return new NotifyException(NotifyException.Reason.CONFIG, null, 0, "The routing file " + source + " has " + problems.size()
        + " problem" + (problems.size() == 1 ? "" : "s") + ":\n  " + String.join("\n  ", problems), problems, null);
  }
}
