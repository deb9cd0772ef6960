package dev.cidoctor.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings cidoctor runs with. Built from defaults, overridden by a {@code .env} file, then by the
 * environment (flags override later, in the commands). Only what the commands use is parsed; the
 * raw values stay available for the capabilities that come later.
 *
 * @param rulePaths user rule files or folders ({@code CIDOCTOR_RULES}, separated by the path separator)
 * @param values every key seen, after overriding
 */
public record Config(List<Path> rulePaths, Map<String, String> values) {
  public static final String RULES_KEY = "CIDOCTOR_RULES";

  public Config {
    rulePaths = List.copyOf(rulePaths);
    values = Map.copyOf(values);
  }

  /** Loads {@code .env} from {@code dir} (when present) and then {@code environment}. */
  public static Config load(Path dir, Map<String, String> environment) {
    return loadFile(dir.resolve(".env"), environment);
  }

  /** Loads the {@code .env}-style file {@code dotEnv} (when present) and then {@code environment}. */
  public static Config loadFile(Path dotEnv, Map<String, String> environment) {
    Map<String, String> values = new HashMap<>();
    if (Files.isRegularFile(dotEnv)) {
      values.putAll(parseDotEnv(dotEnv));
    }
    values.putAll(environment);
    List<Path> rules = new ArrayList<>();
    String r = values.get(RULES_KEY);
    if (r != null && !r.isBlank()) {
      for (String part : r.split(java.io.File.pathSeparator)) {
        if (!part.isBlank()) {
          Path p = Path.of(part.strip());
          if (!Files.exists(p)) {
            throw new ConfigException(RULES_KEY + " names " + p + ", which does not exist.");
          }
          rules.add(p);
        }
      }
    }
    return new Config(rules, values);
  }

  /** Parses KEY=VALUE lines; '#' starts a comment line; optional quotes around the value are removed. */
  static Map<String, String> parseDotEnv(Path file) {
    Map<String, String> out = new HashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("Cannot read " + file + ": " + e.getMessage() + ".");
    }
    int n = 0;
    for (String raw : lines) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring(7).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException(file + ":" + n + ": expected KEY=VALUE.");
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      } else {
        int hash = value.indexOf(" #");
        if (hash >= 0) {
          value = value.substring(0, hash).strip();
        }
      }
      out.put(key, value);
    }
    return out;
  }
}
