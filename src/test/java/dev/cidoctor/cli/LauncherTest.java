package dev.cidoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bash launcher {@code ./cidoctor}, run for real from a copy in a temporary app home, so that its
 * target/cidoctor.jar, target/.jdk-version, pom.xml and src/main are the test's own. The JDKs are fake
 * (a bin/java shell script that prints a version for {@code -version} and otherwise records its
 * arguments), so is ./mvnw; the process gets a cleared environment whose PATH holds only links to the
 * commands the launcher uses (no real java) and whose CIDOCTOR_JDK_ROOTS replaces /usr/lib/jvm and the
 * other folders the launcher would search. Nothing here builds the project or starts a real JVM.
 */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("cidoctor");
  /** The commands the launcher runs; flock is optional (without it the build is not locked). */
  private static final List<String> TOOLS = List.of("dirname", "readlink", "grep", "sed", "head", "sort", "cut",
      "ls", "awk", "cat", "find", "od", "tr", "rm", "mkdir", "env", "flock");
  /** Every fake java exits with this code when it "runs" the jar: not 0, not the launcher's own 4. */
  private static final int JAVA_EXIT = 3;
  private static final Instant AN_HOUR_AGO = Instant.now().minus(Duration.ofHours(1));

  private static String bash;

  @TempDir Path tempDir;
  /** The temp dir without symlinks (macOS: /private/var/...), as the launcher's `cd -P` sees it. */
  private Path tmp;
  private Path app;
  private Path jar;
  private Path roots;
  private Path tools;
  private Path cwd;

  @BeforeAll
  static void needsBash() {
    assumeTrue(!System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows"), "the launcher is a bash script");
    bash = onPath("bash");
    assumeTrue(bash != null, "no bash on PATH");
  }

  @BeforeEach
  void appHome() throws IOException {
    tmp = tempDir.toRealPath();
    app = Files.createDirectories(tmp.resolve("app"));
    Files.copy(LAUNCHER, app.resolve("cidoctor"));
    Files.createDirectories(app.resolve("target"));
    jar = app.resolve("target/cidoctor.jar");
    roots = Files.createDirectories(tmp.resolve("jdks"));
    tools = Files.createDirectories(tmp.resolve("tools"));
    for (String tool : TOOLS) {
      String path = onPath(tool);
      if (path != null) {
        Files.createSymbolicLink(tools.resolve(tool), Path.of(path));
      }
    }
    cwd = Files.createDirectories(tmp.resolve("cwd"));
    Files.writeString(cwd.resolve("a.log"), "a file a glob in the user's arguments would match\n");
    Files.createDirectories(tmp.resolve("home"));
  }

  /** Removes the links to the system's commands, which JUnit would warn about when it deletes the temp dir. */
  @AfterEach
  void unlinkTools() throws IOException {
    try (Stream<Path> links = Files.list(tools)) {
      for (Path link : links.toList()) {
        Files.delete(link);
      }
    }
  }

  /** With only a Java 17 around, the launcher says in one sentence what it found and what to install, and exits 4. */
  @Test
  void launcher_noJdk21_saysWhatIsMissingAndExits4() throws Exception {
    Path jdk17 = fakeJdk(roots.resolve("jdk-17"), 17);
    builtJar();

    Run r = launch(Map.of(), "analyze", "build.log");

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).singleElement().asString()
        .startsWith("cidoctor: this command needs a JDK 21 or newer but found none in $JAVA_HOME, " + roots + " or on PATH")
        .contains("(only Java 17 at " + jdk17 + ")")
        .endsWith("install one (e.g. Temurin 21) and set JAVA_HOME to its directory.");
    assertThat(jdk17.resolve("args")).doesNotExist();
  }

  /** A JAVA_HOME that holds a JDK 21+ runs the prebuilt jar with the user's arguments unchanged and java's exit code. */
  @Test
  void launcher_javaHome21AndFreshJar_runsTheJarWithTheArgumentsUnchanged() throws Exception {
    Path jdk = fakeJdk(tmp.resolve("java home"), 21);
    fakeJdk(roots.resolve("jdk-25"), 25); // newer, but JAVA_HOME comes first
    builtJar();

    Run r = launch(Map.of("JAVA_HOME", jdk.toString()), "analyze", "two words", "*.log", "", "--format=json");

    assertThat(r.exitCode()).isEqualTo(JAVA_EXIT);
    assertThat(r.out()).isEqualTo("fake java 21 ran\n");
    assertThat(r.err()).isEmpty();
    List<String> args = javaArgs(jdk);
    assertThat(args.subList(args.indexOf("-jar"), args.size()))
        .containsExactly("-jar", jar.toString(), "analyze", "two words", "*.log", "", "--format=json");
    assertThat(args).contains("-XX:TieredStopAtLevel=1", "-Xlog:all=warning:stderr",
        "-XX:SharedArchiveFile=" + app.resolve("target/cidoctor.jsa"), "-XX:+AutoCreateSharedArchive");
    assertThat(app.resolve("mvnw-calls")).doesNotExist();
  }

  /** target/.jdk-version spares the `java -version` JVM start on later runs until the java binary changes. */
  @Test
  void launcher_jdkVersionCache_asksJavaOnlyOnFirstRunAndAfterTheBinaryChanged() throws Exception {
    Path jdk = fakeJdk(roots.resolve("jdk-21"), 21);
    builtJar();
    Map<String, String> env = Map.of("JAVA_HOME", jdk.toString());

    assertThat(launch(env, "--version").exitCode()).isEqualTo(JAVA_EXIT);
    assertThat(versionCalls(jdk)).isEqualTo(1);
    assertThat(Files.readString(app.resolve("target/.jdk-version")))
        .startsWith(jdk.resolve("bin/java") + " ").endsWith(" 21\n");

    assertThat(launch(env, "--version").exitCode()).isEqualTo(JAVA_EXIT);
    assertThat(versionCalls(jdk)).as("-version calls after a second run").isEqualTo(1);

    Path java = jdk.resolve("bin/java"); // a JDK update: another binary, size and date
    Files.writeString(java, Files.readString(java) + "# updated\n");
    Files.setLastModifiedTime(java, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    assertThat(launch(env, "--version").exitCode()).isEqualTo(JAVA_EXIT);
    assertThat(versionCalls(jdk)).as("-version calls after the binary changed").isEqualTo(2);
  }

  /** CIDOCTOR_JAVA_OPTS is split into words (not globbed) and comes after the default JVM options, right before -jar. */
  @Test
  void launcher_cidoctorJavaOpts_wordSplitAndAppendedAfterTheDefaults() throws Exception {
    Path jdk = fakeJdk(roots.resolve("jdk-21"), 21);
    builtJar();
    Files.writeString(cwd.resolve("-Dcidoctor.x=globbed"), "");

    launch(Map.of("CIDOCTOR_JAVA_OPTS", " -Xmx1g   -Dcidoctor.x=* "), "--version");

    List<String> args = javaArgs(jdk);
    int jarAt = args.indexOf("-jar");
    assertThat(args.subList(jarAt - 2, jarAt)).containsExactly("-Xmx1g", "-Dcidoctor.x=*");
    assertThat(args.indexOf("-Xmx256m")).isBetween(0, jarAt - 3);
    assertThat(args.indexOf("-XX:+UseSerialGC")).isBetween(0, jarAt - 3);
    assertThat(args.subList(jarAt, args.size())).containsExactly("-jar", jar.toString(), "--version");
  }

  /** A garbage collector named in CIDOCTOR_JAVA_OPTS replaces the default serial one: with both, the JVM would not start. */
  @Test
  void launcher_collectorInCidoctorJavaOpts_replacesTheSerialCollector() throws Exception {
    Path jdk = fakeJdk(roots.resolve("jdk-21"), 21);
    builtJar();

    launch(Map.of("CIDOCTOR_JAVA_OPTS", "-Xmx1g -XX:+UseG1GC"), "--version");

    List<String> args = javaArgs(jdk);
    assertThat(args).contains("-XX:+UseG1GC").doesNotContain("-XX:+UseSerialGC");
    assertThat(args).contains("-Xmx1g", "-XX:TieredStopAtLevel=1");

    launch(Map.of("CIDOCTOR_JAVA_OPTS", "-XX:+UseStringDeduplication -XX:+PrintGC"), "--version");
    assertThat(javaArgs(jdk)).as("options that only mention GC choose no collector").contains("-XX:+UseSerialGC");
  }

  /** A file under src/main newer than the jar makes the launcher rebuild it with ./mvnw (output to stderr) and then run it. */
  @Test
  void launcher_sourceNewerThanJar_rebuildsWithMvnwThenRuns() throws Exception {
    Path jdk = fakeJdk(roots.resolve("jdk-25"), 25);
    builtJar();
    Files.setLastModifiedTime(app.resolve("src/main/java/App.java"), FileTime.from(Instant.now()));
    fakeMvnw(0);

    Run r = launch(Map.of("MAVEN_OPTS", "-Xmx512m"), "analyze", "-");

    assertThat(r.exitCode()).isEqualTo(JAVA_EXIT);
    assertThat(r.out()).isEqualTo("fake java 25 ran\n");
    assertThat(r.err()).isEqualTo("Rebuilding cidoctor (pom.xml or src/main changed)...\n[INFO] maven was here\n");
    assertThat(Files.readAllLines(app.resolve("mvnw-calls"))).containsExactly(
        "args: -q -B -Dmaven.test.skip=true package",
        "pwd: " + app,
        "JAVA_HOME: " + jdk,
        "MAVEN_OPTS: -Xmx512m --sun-misc-unsafe-memory-access=allow");
    assertThat(Files.readString(jar)).isEqualTo("rebuilt");
    assertThat(javaArgs(jdk)).endsWith("-jar", jar.toString(), "analyze", "-");
  }

  /**
   * After a rebuild the launcher writes the class-data archive with a training run on a shipped example.
   * That run must not touch the user's things: it runs in target/ (so no .env of the caller's folder is
   * read), records into a scratch store it deletes (not ./data/patterns.db, PATTERN_DB_PATH or a team's
   * DATABASE_URL), asks no model and writes no LOG_FILE. The user's own command then runs as usual.
   */
  @Test
  void launcher_trainingRunForTheArchive_leavesTheUsersStoreModelAndLogAlone() throws Exception {
    Path jdk = roots.resolve("jdk-25");
    Files.createDirectories(jdk.resolve("bin"));
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.2\"\n");
    script(jdk.resolve("bin/java"), """
        if [ "$1" = -version ]; then echo 'openjdk version "25.0.2" 2025-01-21' >&2; exit 0; fi
        { echo "call pwd=$PWD db=${DATABASE_URL-unset} path=${PATTERN_DB_PATH-unset} log=${LOG_FILE-unset} key=${OPENAI_API_KEY-unset}"
          printf '%%s\\n' "$@"; } >> '%1$s/calls'
        exit 0
        """.formatted(jdk));
    builtJar();
    Files.createDirectories(app.resolve("examples"));
    Files.writeString(app.resolve("examples/github-actions-pytest-failure.log"), "FAILED test_x.py::test_y\n");
    Files.setLastModifiedTime(app.resolve("src/main/java/App.java"), FileTime.from(Instant.now()));
    fakeMvnw(0);
    Path scratch = app.resolve("target/.cds-training.db");
    Files.writeString(scratch, "left by an interrupted run");

    Run r = launch(Map.of("DATABASE_URL", "jdbc:postgresql://db.team/cidoctor", "PATTERN_DB_PATH", "/srv/patterns.db",
        "LOG_FILE", "/var/log/cidoctor.log", "OPENAI_API_KEY", "sk-test"), "analyze", "a.log");

    assertThat(r.exitCode()).isZero();
    List<String> calls = Files.readAllLines(jdk.resolve("calls"));
    int user = calls.lastIndexOf(calls.stream().filter(l -> l.startsWith("call ")).reduce((a, b) -> b).orElseThrow());
    List<String> training = calls.subList(0, user);
    assertThat(training.get(0)).isEqualTo("call pwd=" + app.resolve("target") + " db=unset path=unset log=unset key=unset");
    assertThat(training).containsSubsequence("-jar", jar.toString(), "analyze", "--db", scratch.toString(), "--llm", "off",
        app.resolve("examples/github-actions-pytest-failure.log").toString());
    assertThat(training).contains("-XX:+AutoCreateSharedArchive");
    // the user's own command keeps the user's environment and folder
    assertThat(calls.get(user)).isEqualTo("call pwd=" + cwd + " db=jdbc:postgresql://db.team/cidoctor path=/srv/patterns.db"
        + " log=/var/log/cidoctor.log key=sk-test");
    assertThat(calls.subList(user, calls.size())).endsWith("-jar", jar.toString(), "analyze", "a.log");
    assertThat(scratch).doesNotExist();
    try (Stream<Path> left = Files.list(cwd)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("a.log");
    }
  }

  /** A failed build exits 4 with one sentence after Maven's output, nothing on stdout, and never runs the stale jar. */
  @Test
  void launcher_buildFails_saysSoAndExits4() throws Exception {
    Path jdk = fakeJdk(roots.resolve("jdk-21"), 21);
    builtJar();
    Files.setLastModifiedTime(app.resolve("pom.xml"), FileTime.from(Instant.now()));
    fakeMvnw(1);

    Run r = launch(Map.of(), "analyze", "-");

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("Rebuilding cidoctor (pom.xml or src/main changed)...\n[INFO] maven was here\n"
        + "cidoctor: building target/cidoctor.jar with ./mvnw failed (see the Maven output above); fix the build or run"
        + " './mvnw -B -DskipTests package' in " + app + " to see the details.\n");
    assertThat(app.resolve("mvnw-calls")).exists();
    assertThat(jdk.resolve("args")).doesNotExist();
  }

  /** A missing jar with no ./mvnw to build it is an environment problem: exit 4 and a message naming the jar. */
  @Test
  void launcher_noJarAndNoMvnw_saysWhatIsMissingAndExits4() throws Exception {
    Path jdk = fakeJdk(roots.resolve("jdk-21"), 21);

    Run r = launch(Map.of(), "--version");

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("cidoctor: " + jar + " is missing or out of date and there is no ./mvnw in " + app
        + " to build it.\n");
    assertThat(jdk.resolve("args")).doesNotExist();
  }

  /** A JAVA_HOME with Java 17 is passed over for a JDK 21+ found elsewhere, the newest by its release file. */
  @Test
  void launcher_javaHome17_ignoredForTheNewestJdk21PlusInTheRoots() throws Exception {
    Path jdk17 = fakeJdk(tmp.resolve("old-java-home"), 17);
    Path jdk21 = fakeJdk(roots.resolve("a-jdk-21"), 21);
    Path jdk25 = fakeJdk(roots.resolve("b-jdk-25"), 25);
    Path jdk22 = fakeJdk(roots.resolve("c-jdk-22"), 22);
    builtJar();

    Run r = launch(Map.of("JAVA_HOME", jdk17.toString()), "--version");

    assertThat(r.exitCode()).isEqualTo(JAVA_EXIT);
    assertThat(r.out()).isEqualTo("fake java 25 ran\n");
    assertThat(javaArgs(jdk25)).endsWith("-jar", jar.toString(), "--version");
    assertThat(Stream.of(jdk17, jdk21, jdk22).map(j -> j.resolve("args"))).allSatisfy(a -> assertThat(a).doesNotExist());
  }

  /** A JAVA_HOME with Java 17 and no JDK 21+ anywhere else is named in the error. */
  @Test
  void launcher_javaHome17AndNothingNewer_namesJavaHomeInTheErrorAndExits4() throws Exception {
    Path jdk17 = fakeJdk(tmp.resolve("old-java-home"), 17);
    builtJar();

    Run r = launch(Map.of("JAVA_HOME", jdk17.toString()), "--version");

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("cidoctor: this command needs a JDK 21 or newer but found none in $JAVA_HOME (" + jdk17 + "), ")
        .contains("(only Java 17 at " + jdk17 + ")");
  }

  /** Last, java on PATH (a link into a JDK) is used, and the JDK it belongs to is the JAVA_HOME of the Maven build. */
  @Test
  void launcher_javaOnPathOnly_usedAndItsJdkBuildsTheJar() throws Exception {
    Path jdk = fakeJdk(tmp.resolve("elsewhere/jdk-21"), 21);
    Files.createSymbolicLink(tools.resolve("java"), jdk.resolve("bin/java"));
    fakeMvnw(0);

    Run r = launch(Map.of(), "--version");

    assertThat(r.exitCode()).isEqualTo(JAVA_EXIT);
    assertThat(r.err()).isEqualTo("Building cidoctor (first run)...\n[INFO] maven was here\n");
    assertThat(Files.readAllLines(app.resolve("mvnw-calls"))).contains("JAVA_HOME: " + jdk);
    assertThat(javaArgs(jdk)).endsWith("-jar", jar.toString(), "--version");
  }

  // --- helpers ----------------------------------------------------------------------------------------

  record Run(int exitCode, String out, String err) {}

  /** Runs the app home's launcher from another directory with a cleared environment plus {@code env}. */
  private Run launch(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(bash, app.resolve("cidoctor").toString()));
    command.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
        .redirectOutput(tmp.resolve("stdout").toFile())
        .redirectError(tmp.resolve("stderr").toFile());
    pb.environment().clear();
    pb.environment().put("PATH", tools.toString());
    pb.environment().put("HOME", tmp.resolve("home").toString());
    pb.environment().put("CIDOCTOR_JDK_ROOTS", roots.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the launcher did not finish in 30 s");
    }
    return new Run(p.exitValue(), Files.readString(tmp.resolve("stdout")), Files.readString(tmp.resolve("stderr")));
  }

  /**
   * A JDK home whose bin/java prints {@code openjdk version "<major>.0.2"} for {@code -version} (counted in
   * version-calls) and otherwise writes its arguments, one a line, to args, prints "fake java <major> ran"
   * and exits with {@link #JAVA_EXIT}. Its release file declares the same version.
   */
  private static Path fakeJdk(Path home, int major) throws IOException {
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + major + ".0.2\"\n");
    script(home.resolve("bin/java"), """
        if [ "$1" = -version ]; then
          echo -version >> '%1$s/version-calls'
          echo 'openjdk version "%2$d.0.2" 2024-01-16' >&2
          echo 'OpenJDK Runtime Environment (build %2$d.0.2+13)' >&2
          exit 0
        fi
        printf '%%s\\n' "$@" > '%1$s/args'
        echo 'fake java %2$d ran'
        exit %3$d
        """.formatted(home, major, JAVA_EXIT));
    return home;
  }

  /** An ./mvnw that records how it was called in mvnw-calls, prints a line, and builds the jar or fails. */
  private void fakeMvnw(int exitCode) throws IOException {
    script(app.resolve("mvnw"), """
        { echo "args: $*"; echo "pwd: $PWD"; echo "JAVA_HOME: $JAVA_HOME"; echo "MAVEN_OPTS: $MAVEN_OPTS"; } > '%1$s/mvnw-calls'
        echo '[INFO] maven was here'
        [ %2$d -eq 0 ] && printf rebuilt > '%1$s/target/cidoctor.jar'
        exit %2$d
        """.formatted(app, exitCode));
  }

  /** A source tree (pom.xml, src/main) an hour old and a non-empty jar built after it. */
  private void builtJar() throws IOException {
    Files.writeString(app.resolve("pom.xml"), "<project/>\n");
    Path source = app.resolve("src/main/java/App.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "class App {}\n");
    try (Stream<Path> tree = Stream.concat(Stream.of(app.resolve("pom.xml")), Files.walk(app.resolve("src")))) {
      for (Path p : tree.toList()) {
        Files.setLastModifiedTime(p, FileTime.from(AN_HOUR_AGO));
      }
    }
    Files.writeString(jar, "a jar");
    Files.setLastModifiedTime(jar, FileTime.from(AN_HOUR_AGO.plus(Duration.ofMinutes(30))));
  }

  private static void script(Path file, String body) throws IOException {
    Files.writeString(file, "#!" + bash + "\n" + body, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static List<String> javaArgs(Path jdk) throws IOException {
    return Files.readAllLines(jdk.resolve("args"));
  }

  private static long versionCalls(Path jdk) throws IOException {
    Path calls = jdk.resolve("version-calls");
    return Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
  }

  /** The first executable {@code name} on this JVM's PATH, or null. */
  private static String onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name)) && !Files.isDirectory(Path.of(dir, name))) {
        return Path.of(dir, name).toString();
      }
    }
    return null;
  }
}
