package dev.cidoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.store.LearningStore;
import dev.cidoctor.store.jdbc.PatternStores;
import dev.cidoctor.testing.Cli;
import dev.cidoctor.testing.FakeGitHub;
import dev.cidoctor.testing.FakeGitHub.JobSpec;
import dev.cidoctor.testing.FakeGitHub.RunSpec;
import dev.cidoctor.testing.FakeGitHub.StepSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monitor process killed with SIGKILL in the middle of a poll, then started again: every completed
 * run is recorded once and printed once across the two processes.
 */
class MonitorRestartTest {
  private static final Pattern PRINTED = Pattern.compile("Workflow \"CI\" #(\\d+) failed");

  @TempDir Path dir;

  @Test
  void monitorOnce_killedMidPollThenRestarted_losesNothingAndRepeatsNothing() throws Exception {
    try (FakeGitHub github = FakeGitHub.start().requireToken(MonitorEndToEndTest.TOKEN)) {
      github.addRepo("octo/app");
      List<Long> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(github.addRun("octo/app", new RunSpec("CI", ".github/workflows/ci.yml", "main", "sha" + i, "push", "octocat",
            "Commit " + i, "failure", Instant.now().minus(Duration.ofMinutes(40 - i)),
            List.of(new JobSpec("test", "failure", List.of(new StepSpec("Run pytest -q", "failure", MonitorEndToEndTest.PYTEST)))))));
      }
      Map<String, String> env = new HashMap<>();
      env.put("GITHUB_API_URL", github.apiUrl());
      env.put("GITHUB_TOKEN", MonitorEndToEndTest.TOKEN);
      env.put("GITHUB_REPO", "octo/app");
      env.put("PATTERN_DB_PATH", dir.resolve("patterns.db").toString());
      env.put("LEARN_FROM_HISTORY", "false");
      env.put("CIDOCTOR_INSTANCE_ID", "restart-test");
      github.slow(1000, Duration.ofMillis(400)); // every answer takes 0.4 s, so the kill lands mid-poll

      Path childOut = dir.resolve("child.out");
      ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "dev.cidoctor.cli.Main", "monitor", "--once")
          .redirectOutput(childOut.toFile()).redirectErrorStream(true);
      pb.environment().clear();
      pb.environment().putAll(env);
      pb.environment().put("HOME", dir.toString());
      Process child = pb.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (printed(childOut).isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      List<String> byChild = printed(childOut);
      assertThat(byChild).as("the child printed at least one run before it was killed").isNotEmpty();
      assertThat(byChild.size()).as("and was killed before it finished").isLessThan(4);

      github.slow(0, Duration.ZERO);
      Cli.Result restarted = Cli.runWithEnv(env, "monitor", "--once");

      List<String> byRestart = numbers(restarted.out());
      assertThat(restarted.exitCode()).as(restarted.err()).isZero();
      assertThat(byRestart).doesNotContainAnyElementsOf(byChild);
      List<String> all = new ArrayList<>(byChild);
      all.addAll(byRestart);
      assertThat(all).containsExactlyInAnyOrder("1", "2", "3", "4");
      try (LearningStore store = PatternStores.sqlite(dir.resolve("patterns.db"))) {
        for (long id : runs) {
          assertThat(store.processed("octo/app", id, 1)).isTrue();
        }
      }
    }
  }

  @Test
  void monitorDaemon_sigterm_finishesTheCycleAndStops() throws Exception {
    try (FakeGitHub github = FakeGitHub.start().requireToken(MonitorEndToEndTest.TOKEN)) {
      github.addRepo("octo/app");
      github.addRun("octo/app", new RunSpec("CI", ".github/workflows/ci.yml", "main", "sha0", "push", "octocat", "Commit 0",
          "failure", Instant.now().minus(Duration.ofMinutes(5)),
          List.of(new JobSpec("test", "failure", List.of(new StepSpec("Run pytest -q", "failure", MonitorEndToEndTest.PYTEST))))));
      Path out = dir.resolve("daemon.out");
      ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "dev.cidoctor.cli.Main", "monitor",
          "--daemon", "--interval", "3600").redirectOutput(out.toFile()).redirectErrorStream(true);
      pb.environment().clear();
      pb.environment().putAll(Map.of("GITHUB_API_URL", github.apiUrl(), "GITHUB_TOKEN", MonitorEndToEndTest.TOKEN,
          "GITHUB_REPO", "octo/app", "PATTERN_DB_PATH", dir.resolve("patterns.db").toString(), "HOME", dir.toString()));
      Process daemon = pb.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (printed(out).isEmpty() && daemon.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }

      daemon.destroy(); // SIGTERM
      boolean exited = daemon.waitFor(20, TimeUnit.SECONDS);

      assertThat(exited).as("the daemon stops within 20 s of SIGTERM").isTrue();
      String text = Files.readString(out, StandardCharsets.UTF_8);
      assertThat(text).contains("Polling every 3600 seconds").contains("Workflow \"CI\" #1 failed").contains("Stopped.");
    }
  }

  private static List<String> printed(Path file) throws Exception {
    return Files.exists(file) ? numbers(Files.readString(file, StandardCharsets.UTF_8)) : List.of();
  }

  private static List<String> numbers(String out) {
    List<String> n = new ArrayList<>();
    Matcher m = PRINTED.matcher(out);
    while (m.find()) {
      n.add(m.group(1));
    }
    return n;
  }
}
