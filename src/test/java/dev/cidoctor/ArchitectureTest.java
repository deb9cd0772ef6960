package dev.cidoctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the dependency arrows of CONVENTIONS.md honest by reading the sources: which other
 * {@code dev.cidoctor} packages each package names (imports or qualified names, comments ignored).
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/dev/cidoctor");
  private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.cidoctor\\.([a-z]+)\\b");
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "model", Set.of(),
      "logs", Set.of("model"),
      "analysis", Set.of("model", "logs"),
      "report", Set.of("model"),
      "eval", Set.of("analysis", "logs", "model"),
      "config", Set.of(),
      "ci", Set.of("model"), // ci is the port, ci.github its adapter: both see only model
      "store", Set.of("model")); // the PatternStore port (already on main without an entry)

  @Test
  void packages_dependOnlyOnWhatTheConventionsAllow() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : javaFiles()) {
      String pkg = MAIN.relativize(file).getName(0).toString();
      Set<String> allowed = ALLOWED.get(pkg);
      if (allowed == null) {
        continue; // cli is the composition root
      }
      String code = COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("");
      Matcher m = REFERENCE.matcher(code);
      while (m.find()) {
        String used = m.group(1);
        if (!used.equals(pkg) && !allowed.contains(used)) {
          violations.add(MAIN.relativize(file) + " uses dev.cidoctor." + used);
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyPackage_hasAPackageInfo() throws IOException {
    Set<String> missing = new TreeSet<>();
    for (Path file : javaFiles()) {
      Path folder = file.getParent();
      if (!Files.isRegularFile(folder.resolve("package-info.java"))) {
        missing.add(MAIN.relativize(folder).toString());
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void allowedMap_coversEveryPackageButCli() throws IOException {
    Set<String> packages = new TreeSet<>();
    for (Path file : javaFiles()) {
      packages.add(MAIN.relativize(file).getName(0).toString());
    }
    packages.remove("cli");
    assertThat(ALLOWED.keySet()).containsAll(packages);
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> s = Files.walk(MAIN)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
