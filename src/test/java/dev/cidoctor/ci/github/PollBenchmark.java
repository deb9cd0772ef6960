package dev.cidoctor.ci.github;

import dev.cidoctor.testing.FakeGitHub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Measures what polling costs against FakeGitHub: requests and primary rate-limit cost per cycle for
 * N idle repos (one {@code recentRuns} per repo per cycle), the first cycle and then steady state, and
 * what that means for one 5,000/h token at a 60 s interval. Run it with
 * {@code ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.cidoctor.ci.github.PollBenchmark}
 * (optionally {@code -Dbench.repos=10,100}).
 */
public final class PollBenchmark {
  private static final int TOKEN_LIMIT_PER_HOUR = 5000;
  /** GitHub's documented secondary limit for REST: at most 900 points a minute, a GET being 1 point. */
  private static final int SECONDARY_POINTS_PER_MINUTE = 900;
  private static final Duration INTERVAL = Duration.ofSeconds(60);

  private PollBenchmark() {}

  public static void main(String[] args) {
    String list = args.length > 0 ? String.join(",", args) : System.getProperty("bench.repos", "1,10,100,500");
    int[] sizes = java.util.Arrays.stream(list.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    int steadyCycles = 5;
    System.out.println("cidoctor poll benchmark against FakeGitHub (loopback), " + steadyCycles + " steady cycles after the first");
    System.out.println("repos | cycle  | requests | 304s | rate-limit cost (client) | cost (fake's x-ratelimit-remaining) | ms");
    for (int n : sizes) {
      measure(n, steadyCycles);
    }
  }

  private static void measure(int repos, int steadyCycles) {
    String token = "bench-token";
    Instant now = Instant.now();
    try (FakeGitHub gh = FakeGitHub.start().requireToken(token)) {
      gh.rateLimit(1_000_000, now.plusSeconds(3600));
      for (int i = 0; i < repos; i++) {
        for (int r = 0; r < 3; r++) {
          gh.addRun("bench/repo-" + i, spec("sha" + r, now.minusSeconds(3600L * (r + 1))));
        }
      }
      GitHubActions client = GitHubActions.builder().apiUrl(gh.apiUrl()).token(token).build();
      Cycle first = cycle(client, gh, repos, now);
      print(repos, "first", first, 1);
      Cycle steady = new Cycle(0, 0, 0, 0, 0);
      for (int c = 0; c < steadyCycles; c++) {
        steady = steady.plus(cycle(client, gh, repos, now));
      }
      print(repos, "steady", steady, steadyCycles);
      Cycle busy = new Cycle(0, 0, 0, 0, 0);
      for (int c = 0; c < steadyCycles; c++) {
        for (int i = c % 10; i < repos; i += 10) { // a new run in one repo in ten before each cycle
          gh.addRun("bench/repo-" + i, spec("new" + c, now.minusSeconds(60 - c)));
        }
        busy = busy.plus(cycle(client, gh, repos, now));
      }
      print(repos, "busy", busy, steadyCycles);
      double busyCost = (double) busy.clientCost() / steadyCycles / repos;
      double costPerRepoPerCycle = (double) steady.clientCost() / steadyCycles / repos;
      double firstPerRepo = (double) first.clientCost() / repos;
      long cyclesPerHour = Duration.ofHours(1).dividedBy(INTERVAL);
      String byPrimary = costPerRepoPerCycle == 0 ? "unbounded (idle polls cost 0)"
          : String.valueOf((long) Math.floor(TOKEN_LIMIT_PER_HOUR / (cyclesPerHour * costPerRepoPerCycle)));
      double requestsPerRepoPerCycle = (double) steady.requests() / steadyCycles / repos;
      long bySecondary = (long) Math.floor(SECONDARY_POINTS_PER_MINUTE * (INTERVAL.toSeconds() / 60.0) / requestsPerRepoPerCycle);
      System.out.printf(Locale.ROOT, "repos=%d: first cycle %.2f rate-limit units/repo; steady %.2f units and %.2f requests/repo/cycle;"
              + " one %d/h token at %d s: primary limit allows %s repos, the 900-points/min secondary limit %d repos"
              + " (a repo's first poll costs 1, so at most %d new repos can join per hour);"
              + " busy (1 repo in 10 with a new run each cycle) %.2f units/repo/cycle -> %d repos by the primary limit%n",
          repos, firstPerRepo, costPerRepoPerCycle, requestsPerRepoPerCycle, TOKEN_LIMIT_PER_HOUR, INTERVAL.toSeconds(),
          byPrimary, bySecondary, (long) (TOKEN_LIMIT_PER_HOUR / Math.max(firstPerRepo, 1e-9)), busyCost,
          (long) Math.floor(TOKEN_LIMIT_PER_HOUR / (cyclesPerHour * busyCost)));
    }
  }

  private static FakeGitHub.RunSpec spec(String sha, Instant created) {
    return new FakeGitHub.RunSpec("CI", ".github/workflows/ci.yml", "main", sha, "push", "octocat", "commit " + sha, "success",
        created, List.of(new FakeGitHub.JobSpec("build", "success", List.of(new FakeGitHub.StepSpec("Run", "success", "ok\n")))));
  }

  private record Cycle(long requests, long notModified, long clientCost, long fakeCost, long millis) {
    Cycle plus(Cycle o) {
      return new Cycle(requests + o.requests, notModified + o.notModified, clientCost + o.clientCost, fakeCost + o.fakeCost,
          millis + o.millis);
    }
  }

  private static Cycle cycle(GitHubActions client, FakeGitHub gh, int repos, Instant now) {
    GitHubActions.Stats before = client.stats();
    int remainingBefore = gh.remaining();
    long t0 = System.nanoTime();
    for (int i = 0; i < repos; i++) {
      client.recentRuns("bench/repo-" + i, null, null, now.minus(Duration.ofDays(1)), 20);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    GitHubActions.Stats after = client.stats();
    return new Cycle(after.requests() - before.requests(), after.notModified() - before.notModified(),
        after.rateLimitCost() - before.rateLimitCost(), remainingBefore - gh.remaining(), ms);
  }

  private static void print(int repos, String label, Cycle c, int cycles) {
    System.out.printf(Locale.ROOT, "%5d | %-6s | %8.1f | %4.1f | %24.1f | %35.1f | %.0f%n", repos, label,
        (double) c.requests() / cycles, (double) c.notModified() / cycles, (double) c.clientCost() / cycles,
        (double) c.fakeCost() / cycles, (double) c.millis() / cycles);
  }
}
