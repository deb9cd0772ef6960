package dev.cidoctor.analysis;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cidoctor.model.Category;
import dev.cidoctor.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads rule files (YAML, a top-level {@code rules:} list) into {@link Rule}s, checking every rule and
 * collecting every problem (file, rule id, reason) before failing, so a rule author sees them all at
 * once. The built-in knowledge base is every {@code rules/*.yaml} on the classpath.
 */
public final class RuleLoader {
  static final String FOLDER = "rules/";
  private static final Set<String> KEYS = Set.of("id", "category", "severity", "transient", "priority", "pattern",
      "patterns", "unless", "literals", "requires", "context", "primary", "pick", "tests", "testName", "testAlias", "remember", "role", "summary",
      "suggestion", "description");
  private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
  /** Placeholders every template may use besides the captures. */
  static final Set<String> BUILT_INS = Set.of("line", "step", "exitCode", "tests", "more");
  /** Created on first use: starting the YAML parser costs a run that only reads rules.bin ~0.2 s. */
  private static final class Yaml {
    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
  }

  private final List<String> problems = new ArrayList<>();
  private final List<Rule> rules = new ArrayList<>();
  private final Map<String, String> seenIds = new HashMap<>();
  private final Set<String> remembered = new LinkedHashSet<>();
  /** Placeholders naming no capture of their rule: valid only if some context rule remembers them. */
  private final Map<String, String> deferred = new java.util.LinkedHashMap<>();

  /**
   * Loads the built-in rules (compiled into {@code rules.bin} by the build, else parsed from YAML)
   * and then each user file or folder of {@code *.yaml} files.
   */
  public static List<Rule> load(List<Path> userPaths) {
    List<Rule> builtIn = compiledBuiltIns();
    if (builtIn == null) {
      RuleLoader loader = new RuleLoader();
      loader.addBuiltIns();
      for (Path p : userPaths) {
        loader.addPath(p);
      }
      return loader.finish();
    }
    if (userPaths.isEmpty()) {
      return builtIn;
    }
    RuleLoader loader = new RuleLoader();
    for (Rule r : builtIn) {
      loader.seenIds.put(r.id(), r.source());
      loader.remembered.addAll(r.remember());
    }
    for (Path p : userPaths) {
      loader.addPath(p);
    }
    List<Rule> all = new ArrayList<>(builtIn);
    all.addAll(loader.finish());
    return List.copyOf(all);
  }

  /** Parses the built-in YAML rules, ignoring any compiled copy; the build and tests use this. */
  public static List<Rule> parseBuiltIns() {
    RuleLoader loader = new RuleLoader();
    loader.addBuiltIns();
    return loader.finish();
  }

  private static List<Rule> compiledBuiltIns() {
    try (InputStream in = RuleLoader.class.getClassLoader().getResourceAsStream(RuleCodec.RESOURCE)) {
      if (in == null) {
        return null;
      }
      return RuleCodec.read(new java.io.DataInputStream(new java.io.BufferedInputStream(in)));
    } catch (IOException e) {
      throw new IllegalStateException("the compiled rules " + RuleCodec.RESOURCE + " are unreadable; rebuild cidoctor", e);
    }
  }

  /** Loads only the given files, without the built-in rules. */
  public static List<Rule> loadOnly(List<Path> paths) {
    RuleLoader loader = new RuleLoader();
    for (Path p : paths) {
      loader.addPath(p);
    }
    return loader.finish();
  }

  /** Lists the built-in rule files: every {@code rules/*.yaml} on the classpath, in name order. */
  public static List<String> builtInFiles() {
    URL url = RuleLoader.class.getClassLoader().getResource(FOLDER);
    if (url == null) {
      throw new IllegalStateException("the built-in rules folder " + FOLDER + " is missing from the classpath");
    }
    List<String> files = new ArrayList<>();
    try {
      if (url.getProtocol().equals("jar")) {
        String spec = url.getPath();
        String jarPath = spec.substring("file:".length(), spec.indexOf("!/"));
        try (JarFile jar = new JarFile(java.net.URLDecoder.decode(jarPath, StandardCharsets.UTF_8))) {
          jar.stream().map(JarEntry::getName)
              .filter(n -> n.startsWith(FOLDER) && n.endsWith(".yaml") && n.indexOf('/', FOLDER.length()) < 0)
              .forEach(n -> files.add(n.substring(FOLDER.length())));
        }
      } else {
        try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
          s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).forEach(files::add);
        }
      }
    } catch (IOException | java.net.URISyntaxException e) {
      throw new IllegalStateException("cannot list the built-in rules in " + url, e);
    }
    files.sort(null);
    return files;
  }

  private void addBuiltIns() {
    for (String file : builtInFiles()) {
      String resource = "rules/" + file;
      try (InputStream in = RuleLoader.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          problems.add(resource + ": listed but missing");
          continue;
        }
        addYaml(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        problems.add(resource + ": cannot be read: " + e.getMessage());
      }
    }
  }

  private void addPath(Path path) {
    if (Files.isDirectory(path)) {
      try (Stream<Path> s = Files.list(path)) {
        List<Path> files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        if (files.isEmpty()) {
          problems.add(path + ": folder holds no .yaml rule file");
        }
        files.forEach(this::addPath);
      } catch (IOException e) {
        problems.add(path + ": cannot be listed: " + e.getMessage());
      }
      return;
    }
    try {
      addYaml(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      problems.add(path + ": cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
  }

  void addYaml(String file, String text) {
    JsonNode root;
    try {
      root = Yaml.MAPPER.readTree(text);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      problems.add(file + ": not valid YAML" + where + ": " + e.getOriginalMessage());
      return;
    }
    if (root == null || !root.has("rules") || !root.get("rules").isArray()) {
      problems.add(file + ": expected a top-level 'rules:' list");
      return;
    }
    int index = 0;
    for (JsonNode node : root.get("rules")) {
      index++;
      addRule(file, index, node);
    }
  }

  private void addRule(String file, int index, JsonNode n) {
    String id = n.path("id").asText("");
    String where = file + ": rule " + (id.isEmpty() ? "#" + index : id);
    int before = problems.size();
    if (!n.isObject()) {
      problems.add(where + ": must be a mapping");
      return;
    }
    if (id.isEmpty()) {
      problems.add(where + ": missing 'id'");
    } else if (!id.matches("[a-z0-9][a-z0-9.\\-]*")) {
      problems.add(where + ": id must be lower-case letters, digits, '.' and '-'");
    } else if (seenIds.containsKey(id)) {
      problems.add(where + ": duplicate id, first defined in " + seenIds.get(id));
    } else {
      seenIds.put(id, file);
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        problems.add(where + ": unknown key '" + key + "'");
      }
    }
    String role = n.path("role").asText("diagnosis");
    boolean contextOnly = role.equals("context");
    if (!contextOnly && !role.equals("diagnosis")) {
      problems.add(where + ": 'role' must be 'diagnosis' or 'context'");
    }
    Category category = null;
    try {
      category = Category.fromWireName(n.path("category").asText(contextOnly ? "unknown" : ""));
    } catch (IllegalArgumentException e) {
      problems.add(where + ": " + e.getMessage());
    }
    Severity severity = null;
    try {
      severity = Severity.fromWireName(n.path("severity").asText(contextOnly ? "low" : ""));
    } catch (IllegalArgumentException e) {
      problems.add(where + ": " + e.getMessage());
    }
    if (!contextOnly && (!n.has("transient") || !n.get("transient").isBoolean())) {
      problems.add(where + ": 'transient' must be true or false");
    }
    int priority = n.path("priority").asInt(50);
    if (n.has("priority") && (!n.get("priority").isInt() || priority < 0 || priority > 100)) {
      problems.add(where + ": 'priority' must be an integer from 0 to 100");
    }
    List<String> sources = new ArrayList<>();
    if (n.has("pattern")) {
      sources.add(n.get("pattern").asText());
    }
    if (n.has("patterns")) {
      if (!n.get("patterns").isArray()) {
        problems.add(where + ": 'patterns' must be a list");
      } else {
        n.get("patterns").forEach(p -> sources.add(p.asText()));
      }
    }
    if (sources.isEmpty()) {
      problems.add(where + ": needs 'pattern' or 'patterns'");
    }
    Set<String> groups = new LinkedHashSet<>();
    List<LinePattern> patterns = new ArrayList<>();
    for (String s : sources) {
      Pattern p = compile(where, "pattern", s);
      if (p != null) {
        patterns.add(LinePattern.of(p));
        groups.addAll(groupNames(s));
      }
    }
    Pattern unless = n.has("unless") ? compile(where, "unless", n.get("unless").asText()) : null;
    Rule.LineCondition requires = null;
    if (n.has("requires")) {
      JsonNode r = n.get("requires");
      String dir = r.has("after") ? "after" : r.has("before") ? "before" : null;
      String neg = r.has("notAfter") ? "notAfter" : r.has("notBefore") ? "notBefore" : null;
      String key = dir != null ? dir : neg;
      int within = r.path("within").asInt(10);
      if (key == null) {
        problems.add(where + ": 'requires' needs one of after, before, notAfter, notBefore");
      } else if (within < 1 || within > Scanner.MAX_REQUIRES_WINDOW) {
        problems.add(where + ": 'requires.within' must be from 1 to " + Scanner.MAX_REQUIRES_WINDOW);
      } else {
        Pattern p = compile(where, "requires." + key, r.get(key).asText());
        if (p != null) {
          if (dir != null) {
            groups.addAll(groupNames(r.get(key).asText()));
          }
          requires = new Rule.LineCondition(p, within, key.toLowerCase().contains("after"), neg != null);
        }
      }
    }
    int ctxBefore = 0;
    int ctxAfter = 0;
    Pattern until = null;
    if (n.has("context")) {
      JsonNode c = n.get("context");
      ctxBefore = c.path("before").asInt(0);
      ctxAfter = c.path("after").asInt(0);
      if (ctxBefore < 0 || ctxBefore > Scanner.MAX_CONTEXT_BEFORE || ctxAfter < 0 || ctxAfter > Scanner.MAX_CONTEXT_AFTER) {
        problems.add(where + ": 'context.before' must be 0.." + Scanner.MAX_CONTEXT_BEFORE + " and 'context.after' 0.."
            + Scanner.MAX_CONTEXT_AFTER);
      }
      if (c.has("until")) {
        until = compile(where, "context.until", c.get("until").asText());
      }
    }
    String primary = n.path("primary").asText("match");
    if (!primary.equals("match") && !primary.equals("required") && !primary.equals("above")) {
      problems.add(where + ": 'primary' must be 'match', 'required' or 'above'");
    }
    if (primary.equals("required") && (requires == null || requires.negated())) {
      problems.add(where + ": 'primary: required' needs a positive 'requires' line");
    }
    String pick = n.path("pick").asText("first");
    if (!pick.equals("first") && !pick.equals("last")) {
      problems.add(where + ": 'pick' must be 'first' or 'last'");
    }
    boolean tests = n.path("tests").asBoolean(false);
    String testName = n.hasNonNull("testName") ? n.get("testName").asText() : null;
    if (tests && testName == null && !groups.contains("test")) {
      problems.add(where + ": 'tests: true' needs a capture named 'test' or a 'testName' template");
    }
    if (testName != null && !tests) {
      problems.add(where + ": 'testName' needs 'tests: true'");
    }
    String testAlias = n.hasNonNull("testAlias") ? n.get("testAlias").asText() : null;
    if (testAlias != null && !testAlias.equals("module")) {
      problems.add(where + ": 'testAlias' must be 'module'");
    }
    if (testAlias != null && !tests) {
      problems.add(where + ": 'testAlias' needs 'tests: true'");
    }
    List<String> remember = new ArrayList<>();
    if (n.has("remember")) {
      n.get("remember").forEach(x -> remember.add(x.asText()));
      for (String r : remember) {
        if (!groups.contains(r)) {
          problems.add(where + ": 'remember' names " + r + ", which is no capture (captures: " + groups + ")");
        }
      }
      remembered.addAll(remember);
    }
    if (contextOnly && remember.isEmpty()) {
      problems.add(where + ": a context rule needs 'remember'");
    }
    String summary = n.path("summary").asText("");
    String suggestion = n.path("suggestion").asText("");
    if (summary.isBlank() && !contextOnly) {
      problems.add(where + ": missing 'summary'");
    }
    if (suggestion.isBlank() && !contextOnly) {
      problems.add(where + ": missing 'suggestion'");
    }
    for (String template : java.util.Arrays.asList(summary, suggestion, testName)) {
      if (template == null) {
        continue;
      }
      Matcher m = Diagnoser.PLACEHOLDER.matcher(template);
      while (m.find()) {
        if (!groups.contains(m.group(1)) && !BUILT_INS.contains(m.group(1))) {
          deferred.putIfAbsent(where + "\u0000" + m.group(1), where + ": placeholder {" + m.group(1)
              + "} names no capture (captures: " + groups + ") and no remembered value");
        }
      }
    }
    List<String> literals = new ArrayList<>();
    if (n.has("literals")) {
      n.get("literals").forEach(l -> literals.add(l.asText().toLowerCase()));
      if (literals.stream().anyMatch(l -> l.length() < Literals.MIN_LENGTH)) {
        problems.add(where + ": each of 'literals' needs at least " + Literals.MIN_LENGTH + " characters");
      }
    } else {
      for (String s : sources) {
        List<String> req = Literals.required(s);
        if (req.isEmpty()) {
          problems.add(where + ": cannot derive a literal of " + Literals.MIN_LENGTH
              + "+ characters from pattern '" + s + "'; add 'literals:' (one of which every match contains)");
        }
        literals.addAll(req);
      }
    }
    if (problems.size() > before || category == null || severity == null) {
      return;
    }
    rules.add(new Rule(id, file, category, severity, n.path("transient").asBoolean(false), priority, patterns, unless,
        literals.stream().distinct().toList(), requires, ctxBefore, ctxAfter, until, primary.equals("required"), primary.equals("above"),
        pick.equals("last"), tests, testName, testAlias, remember, contextOnly, summary.strip(), suggestion.strip()));
  }

  private Pattern compile(String where, String key, String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      problems.add(where + ": '" + key + "' is not a valid regex: " + e.getDescription() + " near index " + e.getIndex());
      return null;
    }
  }

  static List<String> groupNames(String regex) {
    List<String> names = new ArrayList<>();
    Matcher m = GROUP_NAME.matcher(regex);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private List<Rule> finish() {
    for (Map.Entry<String, String> e : deferred.entrySet()) {
      String name = e.getKey().substring(e.getKey().indexOf('\u0000') + 1);
      if (!remembered.contains(name)) {
        problems.add(e.getValue());
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleLoadException(problems);
    }
    return List.copyOf(rules);
  }
}
