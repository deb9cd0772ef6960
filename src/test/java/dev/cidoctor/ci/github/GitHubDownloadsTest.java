package dev.cidoctor.ci.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cidoctor.ci.CiException;
import dev.cidoctor.testing.FakeGitHub;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log and zip downloads: the redirect to the blob host, the token kept home, limits and expired logs. */
class GitHubDownloadsTest extends GitHubClientFixture {
  @TempDir Path dir;

  @Test
  void downloadJobLog_redirectToAnotherHost_streamsTheLogWithoutTheToken() throws IOException {
    long run = gh.addRun(REPO, run("failure", NOW.minusSeconds(60)));
    long job = gh.jobIds(REPO, run, 1).get(0);
    GitHubActions client = client();

    client.downloadJobLog(REPO, job, dir.resolve("job.log"), 1_000_000);

    assertThat(Files.readString(dir.resolve("job.log"))).isEqualTo(
        "2026-03-02T11:00:00.0000000Z Current runner version: '2.312.0'\n"
            + "2026-03-02T11:00:05.0000000Z ##[error]Process completed with exit code 1.\n");
    List<FakeGitHub.Recorded> requests = gh.requests();
    assertThat(requests).extracting(FakeGitHub.Recorded::server).containsExactly("api", "blob");
    assertThat(requests.get(0).headers()).containsEntry("authorization", "Bearer " + TOKEN);
    assertThat(requests.get(1).headers()).doesNotContainKey("authorization");
    assertThat(requests.get(1).hostPort()).isNotEqualTo(requests.get(0).hostPort());
    assertThat(requests.get(1).pathAndQuery()).contains("se=").contains("sig=");
    assertThat(client.stats().bytesDownloaded()).isEqualTo(Files.size(dir.resolve("job.log")));
  }

  @Test
  void downloadJobLog_maxBytes_stopsThere() throws IOException {
    long run = gh.addRun(REPO, run("failure", NOW.minusSeconds(60)));
    long job = gh.jobIds(REPO, run, 1).get(0);

    client().downloadJobLog(REPO, job, dir.resolve("job.log"), 20);

    assertThat(Files.readString(dir.resolve("job.log"))).isEqualTo("2026-03-02T11:00:00.");
  }

  @Test
  void downloadJobLog_expired410_isGoneWithTheRetentionHint() {
    long run = gh.addRun(REPO, run("failure", NOW.minusSeconds(60)));
    long job = gh.jobIds(REPO, run, 1).get(0);
    gh.logsUnavailable(job, 410);

    assertThatThrownBy(() -> client().downloadJobLog(REPO, job, dir.resolve("job.log"), 1000))
        .isInstanceOf(CiException.class)
        .hasMessage("The logs of job " + job + " in octo/app expired (GitHub keeps them 90 days by default) or were"
            + " never written (a job that did not start has none): GitHub answered 410 Gone.")
        .extracting(e -> ((CiException) e).kind()).isEqualTo(CiException.Kind.GONE);
  }

  @Test
  void downloadJobLog_missing404_isGoneToo() {
    long run = gh.addRun(REPO, run("failure", NOW.minusSeconds(60)));
    long job = gh.jobIds(REPO, run, 1).get(0);
    gh.logsUnavailable(job, 404);

    assertThatThrownBy(() -> client().downloadJobLog(REPO, job, dir.resolve("job.log"), 1000))
        .isInstanceOf(CiException.class)
        .extracting(e -> ((CiException) e).kind(), e -> ((CiException) e).status())
        .containsExactly(CiException.Kind.GONE, 404);
  }

  @Test
  void downloadJobLog_signedUrlAlreadyExpired_asksOnceMoreThenSaysSo() {
    long run = gh.addRun(REPO, run("failure", NOW.minusSeconds(60)));
    long job = gh.jobIds(REPO, run, 1).get(0);
    gh.blobUrlValidity(Duration.ofSeconds(-1));

    assertThatThrownBy(() -> client().downloadJobLog(REPO, job, dir.resolve("job.log"), 1000))
        .isInstanceOf(CiException.class)
        .hasMessage("Cannot download the log of job " + job + " in octo/app: the log host answered 403 to the"
            + " signed download URL GitHub gave.");
    assertThat(gh.requests()).extracting(FakeGitHub.Recorded::server).containsExactly("api", "blob", "api", "blob");
  }

  @Test
  void downloadRunLogs_zipHasJobAndStepEntries() throws IOException {
    long run = gh.addRun(REPO, run("failure", NOW.minusSeconds(60)));

    client().downloadRunLogs(REPO, run, 1, dir.resolve("logs.zip"), 10_000_000);

    List<String> names = new ArrayList<>();
    try (ZipInputStream z = new ZipInputStream(Files.newInputStream(dir.resolve("logs.zip")))) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        names.add(e.getName());
        if (e.getName().equals("build/2_Run tests.txt")) {
          assertThat(new String(z.readAllBytes(), StandardCharsets.UTF_8)).contains("##[error]Process completed");
        }
      }
    }
    assertThat(names).containsExactly("0_build.txt", "build/1_Set up job.txt", "build/2_Run tests.txt");
  }

  @Test
  void primaryLimitUsedUp_resetSoon_waitsForTheResetThenSucceeds() {
    gh.addRun(REPO, run("success", NOW.minusSeconds(60)));
    gh.rateLimit(5000, NOW.plusSeconds(120)).exhaustRateLimit();
    onSleep = gh::resetRateLimit;

    assertThat(client().recentRuns(REPO, null, null, null, 5)).hasSize(1);
    assertThat(slept).containsExactly(Duration.ofSeconds(121));
  }

  @Test
  void primaryLimitUsedUp_resetTooFar_isRateLimitedWithoutWaiting() {
    gh.addRepo(REPO);
    gh.rateLimit(5000, NOW.plusSeconds(7200)).exhaustRateLimit();

    assertThatThrownBy(() -> client().recentRuns(REPO, null, null, null, 5)).isInstanceOf(CiException.class)
        .hasMessage("Cannot list workflow runs for octo/app: the GitHub rate limit is used up until 2026-03-02T14:00:00Z,"
            + " later than cidoctor may wait (900 s).")
        .extracting(e -> ((CiException) e).kind()).isEqualTo(CiException.Kind.RATE_LIMITED);
    assertThat(slept).isEmpty();
  }

  @Test
  void secondaryLimit_withRetryAfter_waitsThatLong() {
    gh.addRepo(REPO);
    gh.secondaryLimit(1, 7);

    client().recentRuns(REPO, null, null, null, 5);

    assertThat(slept).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void secondaryLimit_withoutRetryAfter_waitsAMinuteOrMoreAndBacksOff() {
    gh.addRepo(REPO);
    gh.secondaryLimit(2, null);

    client().recentRuns(REPO, null, null, null, 5);

    assertThat(slept).hasSize(2);
    assertThat(slept.get(0)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(65));
    assertThat(slept.get(1)).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(125));
  }

  @Test
  void secondaryLimit_persisting_isRateLimitedAfterTheRetries() {
    gh.addRepo(REPO);
    gh.secondaryLimit(100, 1);

    assertThatThrownBy(() -> client().recentRuns(REPO, null, null, null, 5)).isInstanceOf(CiException.class)
        .hasMessage("Cannot list workflow runs for octo/app: GitHub answered 403 (secondary rate limit) 4 times;"
            + " try again in a few minutes.");
    assertThat(slept).hasSize(3);
  }

  @Test
  void serverErrors_afewTimes_areRetriedWithBackoff() {
    gh.addRun(REPO, run("success", NOW.minusSeconds(60)));
    gh.fail(2, 502);

    assertThat(client().recentRuns(REPO, null, null, null, 5)).hasSize(1);
    assertThat(slept).hasSize(2);
    assertThat(slept.get(1)).isGreaterThan(slept.get(0).minusMillis(1)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void serverErrors_persisting_areUnavailableAfterTheRetries() {
    gh.addRepo(REPO);
    gh.fail(100, 503);

    assertThatThrownBy(() -> client().recentRuns(REPO, null, null, null, 5)).isInstanceOf(CiException.class)
        .hasMessage("Cannot list workflow runs for octo/app: GitHub answered 503 Service Unavailable 4 times;"
            + " GitHub may be having an incident (githubstatus.com).")
        .extracting(e -> ((CiException) e).kind()).isEqualTo(CiException.Kind.UNAVAILABLE);
  }

  @Test
  void slowAnswer_pastTheTimeout_isRetried() {
    gh.addRun(REPO, run("success", NOW.minusSeconds(60)));
    gh.slow(1, Duration.ofSeconds(3));

    assertThat(builder().requestTimeout(Duration.ofMillis(300)).build().recentRuns(REPO, null, null, null, 5)).hasSize(1);
    assertThat(slept).hasSize(1);
  }

  @Test
  void answerNotJson_isInvalidResponse() {
    gh.addRepo(REPO);
    gh.garbage(1);

    assertThatThrownBy(() -> client().recentRuns(REPO, null, null, null, 5)).isInstanceOf(CiException.class)
        .hasMessageStartingWith("Cannot list workflow runs for octo/app: GitHub's answer is not the JSON expected (Unexpected character ('<'")
        .hasMessageEndingWith(").")
        .extracting(e -> ((CiException) e).kind()).isEqualTo(CiException.Kind.INVALID_RESPONSE);
  }

  @Test
  void nothingListening_isUnavailableAfterTheRetries() {
    gh.close();
    GitHubActions client = builder().maxRetries(1).build();

    assertThatThrownBy(() -> client.recentRuns(REPO, null, null, null, 5)).isInstanceOf(CiException.class)
        .hasMessageStartingWith("Cannot list workflow runs for octo/app: GitHub did not answer (connection refused")
        .hasMessageEndingWith(") after 2 tries.")
        .hasMessageNotContaining(TOKEN);
  }
}
