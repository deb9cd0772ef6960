package dev.cidoctor.ci.github;

import dev.cidoctor.testing.FakeGitHub;
import dev.cidoctor.testing.FakeGitHub.JobSpec;
import dev.cidoctor.testing.FakeGitHub.RunSpec;
import dev.cidoctor.testing.FakeGitHub.StepSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;

/** A FakeGitHub and a client for it whose sleeps are recorded, not slept; shared by the adapter tests. */
abstract class GitHubClientFixture {
  static final String TOKEN = "ghp_test0123456789secretvalue";
  static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
  static final String REPO = "octo/app";

  final FakeGitHub gh = FakeGitHub.start().requireToken(TOKEN);
  final List<Duration> slept = new CopyOnWriteArrayList<>();
  Runnable onSleep = () -> {};

  @AfterEach
  void stop() {
    gh.close();
  }

  GitHubActions.Builder builder() {
    return GitHubActions.builder().apiUrl(gh.apiUrl()).token(TOKEN).clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .sleeper(d -> {
          slept.add(d);
          onSleep.run();
        }).requestTimeout(Duration.ofSeconds(5));
  }

  GitHubActions client() {
    return builder().build();
  }

  static RunSpec run(String conclusion, Instant created) {
    return new RunSpec("CI", ".github/workflows/ci.yml", "main", "a1b2c3d4", "push", "octocat", "Fix the build",
        conclusion, created, List.of(new JobSpec("build", conclusion, List.of(
            new StepSpec("Set up job", "success", "2026-03-02T11:00:00.0000000Z Current runner version: '2.312.0'\n"),
            new StepSpec("Run tests", conclusion, "2026-03-02T11:00:05.0000000Z ##[error]Process completed with exit code 1.\n")))));
  }
}
