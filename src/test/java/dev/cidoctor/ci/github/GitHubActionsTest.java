package dev.cidoctor.ci.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cidoctor.ci.CiException;
import dev.cidoctor.ci.ResponseCache;
import dev.cidoctor.model.Job;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.testing.FakeGitHub;
import dev.cidoctor.testing.FakeGitHub.RunSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubActionsTest extends GitHubClientFixture {
  @Test
  void recentRuns_moreThanOnePage_followsLinkUrlsVerbatim() {
    for (int i = 0; i < 120; i++) {
      gh.addRun(REPO, run("success", NOW.minusSeconds(600 + i)));
    }
    List<WorkflowRun> runs = client().recentRuns(REPO, null, null, NOW.minusSeconds(86_400), 110);

    assertThat(runs).hasSize(110);
    assertThat(runs.get(0).createdAt()).isEqualTo(NOW.minusSeconds(600));
    assertThat(runs).extracting(WorkflowRun::createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(gh.requests()).extracting(FakeGitHub.Recorded::pathAndQuery)
        .satisfiesExactly(
            p -> assertThat(p).startsWith("/repos/octo/app/actions/runs?per_page=100"),
            p -> assertThat(p).startsWith("/repositories/").contains("page=2"));
  }

  @Test
  void recentRuns_mapsTheRunFields() {
    long id = gh.addRun(REPO, run("failure", NOW.minusSeconds(60)));
    WorkflowRun r = client().recentRuns(REPO, null, null, null, 10).get(0);

    assertThat(r).isEqualTo(new WorkflowRun(REPO, id, 1, 1, "CI", ".github/workflows/ci.yml", "a1b2c3d4", "main",
        "push", "octocat", "completed", "failure", "https://github.com/octo/app/actions/runs/" + id, "Fix the build",
        NOW.minusSeconds(60), NOW.minusSeconds(0)));
  }

  @Test
  void recentRuns_unchangedList_isAnsweredFromTheCacheWithoutRateLimitCost() {
    gh.addRun(REPO, run("success", NOW.minusSeconds(60)));
    GitHubActions client = client();
    List<WorkflowRun> first = client.recentRuns(REPO, null, null, null, 10);
    int remainingAfterFirst = gh.remaining();

    List<WorkflowRun> second = client.recentRuns(REPO, null, null, null, 10);

    assertThat(second).isEqualTo(first);
    assertThat(gh.remaining()).isEqualTo(remainingAfterFirst);
    assertThat(gh.requests().get(1).headers()).containsKey("if-none-match");
    assertThat(client.stats()).isEqualTo(new GitHubActions.Stats(2, 1, 1, 0));
  }

  @Test
  void recentRuns_sinceMovingWithTheClock_stillAnswered304() {
    gh.addRun(REPO, run("success", NOW.minusSeconds(60)));
    GitHubActions client = client();
    client.recentRuns(REPO, null, null, NOW.minusSeconds(3600), 10);

    assertThat(client.recentRuns(REPO, null, null, NOW.minusSeconds(3540), 10)).hasSize(1);
    assertThat(client.stats().notModified()).isEqualTo(1);
  }

  @Test
  void recentRuns_olderRunsOnLaterPages_areNotFetched() {
    for (int i = 0; i < 150; i++) {
      gh.addRun(REPO, run("success", NOW.minusSeconds(86_400L + i)));
    }
    gh.addRun(REPO, run("failure", NOW.minusSeconds(60)));

    assertThat(client().recentRuns(REPO, null, null, NOW.minusSeconds(3600), 100)).hasSize(1);
    assertThat(gh.requests()).hasSize(1);
  }

  @Test
  void recentRuns_anonymous304_stillCostsRateLimit() {
    FakeGitHub open = FakeGitHub.start();
    try (open) {
      open.addRun(REPO, run("success", NOW.minusSeconds(60)));
      GitHubActions anonymous = GitHubActions.builder().apiUrl(open.apiUrl()).build();
      anonymous.recentRuns(REPO, null, null, null, 5);
      anonymous.recentRuns(REPO, null, null, null, 5);

      assertThat(open.remaining()).isEqualTo(4998);
      assertThat(anonymous.stats()).isEqualTo(new GitHubActions.Stats(2, 1, 2, 0));
      assertThat(open.requests()).allSatisfy(r -> assertThat(r.headers()).doesNotContainKey("authorization"));
    }
  }

  @Test
  void fromSettings_readsApiUrlAndToken() {
    gh.addRun(REPO, run("success", NOW.minusSeconds(60)));
    GitHubActions client = GitHubActions.fromSettings(
        java.util.Map.of("GITHUB_API_URL", gh.apiUrl(), "GITHUB_TOKEN", " " + TOKEN + " "), ResponseCache.inMemory());

    assertThat(client.recentRuns(REPO, null, null, null, 5)).hasSize(1);
    assertThat(gh.requests().get(0).headers()).containsEntry("authorization", "Bearer " + TOKEN);
    assertThat(client.toString()).isEqualTo("GitHubActions[" + gh.apiUrl() + "]");
  }

  @Test
  void builder_apiUrlNotHttp_saysWhatIsExpected() {
    assertThatThrownBy(() -> GitHubActions.builder().apiUrl("api.github.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("GITHUB_API_URL must be an http(s) URL such as https://api.github.com: api.github.com");
  }

  @Test
  void recentRuns_newRunAddedWhilePolling_isSeenOnTheNextPoll() {
    gh.addRun(REPO, run("success", NOW.minusSeconds(120)));
    GitHubActions client = client();
    assertThat(client.recentRuns(REPO, null, null, null, 10)).hasSize(1);

    long id = gh.addRun(REPO, run("failure", NOW.minusSeconds(10)));

    assertThat(client.recentRuns(REPO, null, null, null, 10)).extracting(WorkflowRun::id).startsWith(id).hasSize(2);
    assertThat(client.stats().notModified()).isZero();
  }

  @Test
  void recentRuns_cacheKeptAcrossRestarts_firstPollOfNewClientIsFree() {
    gh.addRun(REPO, run("success", NOW.minusSeconds(60)));
    ResponseCache cache = ResponseCache.inMemory();
    builder().cache(cache).build().recentRuns(REPO, null, null, null, 10);
    int remaining = gh.remaining();

    GitHubActions restarted = builder().cache(cache).build();
    restarted.recentRuns(REPO, null, null, null, 10);

    assertThat(gh.remaining()).isEqualTo(remaining);
    assertThat(restarted.stats().notModified()).isEqualTo(1);
  }

  @Test
  void recentRuns_filters_workflowFileBranchAndSince() {
    gh.addRun(REPO, run("success", NOW.minusSeconds(60)));
    gh.addRun(REPO, new RunSpec("Docs", ".github/workflows/docs.yml", "main", "ff", "push", "octocat", "docs", "success",
        NOW.minusSeconds(30), List.of()));
    gh.addRun(REPO, new RunSpec("CI", ".github/workflows/ci.yml", "dev", "ee", "push", "octocat", "wip", "failure",
        NOW.minusSeconds(20), List.of()));
    gh.addRun(REPO, run("failure", NOW.minusSeconds(7200)));
    GitHubActions client = client();

    assertThat(client.recentRuns(REPO, "ci.yml", "main", NOW.minusSeconds(3600), 10)).extracting(WorkflowRun::headSha)
        .containsExactly("a1b2c3d4");
    assertThat(client.recentRuns(REPO, "Docs", null, null, 10)).extracting(WorkflowRun::workflowName).containsExactly("Docs");
    assertThat(client.recentRuns(REPO, "Docs", null, null, 10)).hasSize(1);
    assertThat(gh.requests()).filteredOn(r -> r.pathAndQuery().startsWith("/repos/octo/app/actions/workflows?"))
        .hasSize(1);
  }

  @Test
  void recentRuns_unknownWorkflowName_listsTheWorkflowsThereAre() {
    gh.addRun(REPO, run("success", NOW.minusSeconds(60)));

    assertThatThrownBy(() -> client().recentRuns(REPO, "Release", null, null, 10))
        .isInstanceOf(CiException.class)
        .hasMessage("Cannot list workflow runs for octo/app: it has no workflow named 'Release' (it has CI).");
  }

  @Test
  void recentRuns_renamedRepo_follows301OnTheSameHostWithTheToken() {
    gh.addRun(REPO, run("failure", NOW.minusSeconds(60)));
    gh.renameRepo(REPO, "octo/app2");

    assertThat(client().recentRuns(REPO, null, null, null, 5)).hasSize(1);
    assertThat(gh.requests()).hasSize(2);
    assertThat(gh.requests().get(1).pathAndQuery()).startsWith("/repositories/");
    assertThat(gh.requests().get(1).headers()).containsEntry("authorization", "Bearer " + TOKEN);
  }

  @Test
  void requests_carryGitHubsHeaders() {
    gh.addRepo(REPO);
    client().recentRuns(REPO, null, null, null, 5);

    assertThat(gh.requests().get(0).headers())
        .containsEntry("authorization", "Bearer " + TOKEN)
        .containsEntry("accept", "application/vnd.github+json")
        .containsEntry("x-github-api-version", "2022-11-28")
        .containsEntry("user-agent", "cidoctor");
  }

  @Test
  void runAndJobs_reRunAttempt_hasSameRunIdAndNewJobIds() {
    long id = gh.addRun(REPO, run("failure", NOW.minusSeconds(600)));
    gh.addAttempt(REPO, id, "success", NOW.minusSeconds(60), run("success", NOW).jobs());
    GitHubActions client = client();

    WorkflowRun latest = client.run(REPO, id, null);
    WorkflowRun first = client.run(REPO, id, 1);
    List<Job> jobs1 = client.jobs(REPO, id, 1);
    List<Job> jobs2 = client.jobs(REPO, id, 2);

    assertThat(latest.attempt()).isEqualTo(2);
    assertThat(latest.conclusion()).isEqualTo("success");
    assertThat(first.conclusion()).isEqualTo("failure");
    assertThat(jobs1).singleElement().satisfies(j -> {
      assertThat(j.attempt()).isEqualTo(1);
      assertThat(j.failed()).isTrue();
      assertThat(j.failedStep().name()).isEqualTo("Run tests");
      assertThat(j.steps()).extracting(s -> s.number()).containsExactly(1, 2);
    });
    assertThat(jobs2.get(0).id()).isNotEqualTo(jobs1.get(0).id());
    assertThat(jobs2.get(0).runId()).isEqualTo(id);
  }

  @Test
  void rerunFailedJobs_completedRun_startsANewAttempt() {
    long id = gh.addRun(REPO, run("failure", NOW.minusSeconds(600)));
    GitHubActions client = client();

    client.rerunFailedJobs(REPO, id);

    assertThat(client.run(REPO, id, null).attempt()).isEqualTo(2);
    assertThat(client.run(REPO, id, null).status()).isEqualTo("in_progress");
    assertThatThrownBy(() -> client.rerunFailedJobs(REPO, id)).isInstanceOf(CiException.class)
        .hasMessage("Cannot re-run the failed jobs of run " + id + " in octo/app: GitHub answered 403 Forbidden"
            + " (This workflow is already running).")
        .extracting(e -> ((CiException) e).kind()).isEqualTo(CiException.Kind.REJECTED);
  }

  @Test
  void rerunRunAndRerunJob_completedRun_startNewAttemptsWithTheToken() {
    long id = gh.addRun(REPO, run("failure", NOW.minusSeconds(600)));
    GitHubActions client = client();
    long job = gh.jobIds(REPO, id, 1).get(0);

    client.rerunRun(REPO, id);
    gh.addAttempt(REPO, id, "failure", NOW, List.of()); // the re-run ended
    client.rerunJob(REPO, job);

    assertThat(client.run(REPO, id, null).attempt()).isEqualTo(4);
    assertThat(gh.requests()).filteredOn(r -> r.method().equals("POST")).extracting(FakeGitHub.Recorded::pathAndQuery)
        .containsExactly("/repos/octo/app/actions/runs/" + id + "/rerun", "/repos/octo/app/actions/jobs/" + job + "/rerun");
    assertThatThrownBy(() -> client.rerunJob(REPO, 1)).isInstanceOf(CiException.class)
        .extracting(e -> ((CiException) e).kind()).isEqualTo(CiException.Kind.NOT_FOUND);
  }

  @Test
  void rateLimit_readsCoreWithoutCost() {
    gh.addRepo(REPO);
    var limit = client().rateLimit();

    assertThat(limit.limit()).isEqualTo(5000);
    assertThat(limit.remaining()).isEqualTo(5000);
    assertThat(gh.remaining()).isEqualTo(5000);
  }

  @Test
  void fileAndCompare_readWhatTheRepoHolds() {
    gh.addFile(REPO, "a1b2c3d4", ".github/workflows/ci.yml", "name: CI\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n");
    gh.addCompare(REPO, "base1", "a1b2c3d4", List.of(
        new dev.cidoctor.model.Commit("c1", "alice", "Add cache\n\nbody", NOW.minusSeconds(300)),
        new dev.cidoctor.model.Commit("a1b2c3d4", "bob", "Fix the build", NOW.minusSeconds(100))));
    GitHubActions client = client();

    assertThat(client.file(REPO, ".github/workflows/ci.yml", "a1b2c3d4"))
        .contains("name: CI\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n");
    assertThat(client.file(REPO, ".github/workflows/missing.yml", "a1b2c3d4")).isEmpty();
    assertThat(client.commitsBetween(REPO, "base1", "a1b2c3d4")).satisfiesExactly(
        c -> assertThat(c.headline()).isEqualTo("Add cache"),
        c -> assertThat(c.author()).isEqualTo("bob"));
  }

  @Test
  void lastSuccess_findsTheNewestGreenRunBefore() {
    long green = gh.addRun(REPO, run("success", NOW.minusSeconds(3000)));
    gh.addRun(REPO, run("success", NOW.minusSeconds(5000)));
    gh.addRun(REPO, run("failure", NOW.minusSeconds(1000)));

    assertThat(client().lastSuccess(REPO, ".github/workflows/ci.yml", "main", NOW.minusSeconds(1000)))
        .map(WorkflowRun::id).contains(green);
  }

  @Test
  void anyRequest_wrongToken_isUnauthorizedWithAHintAndNoToken() {
    gh.addRepo(REPO);
    GitHubActions client = builder().token("ghp_wrongwrongwrong").build();

    assertThatThrownBy(() -> client.recentRuns(REPO, null, null, null, 5)).isInstanceOf(CiException.class)
        .hasMessage("Cannot list workflow runs for octo/app: GitHub answered 401 Unauthorized."
            + " Set GITHUB_TOKEN to a token with actions:read.")
        .extracting(e -> ((CiException) e).kind()).isEqualTo(CiException.Kind.UNAUTHORIZED);
    assertThat(client.toString() + builder().toString()).doesNotContain("ghp_");
  }

  @Test
  void recentRuns_unknownRepo_isNotFound() {
    assertThatThrownBy(() -> client().recentRuns("octo/nope", null, null, null, 5)).isInstanceOf(CiException.class)
        .hasMessage("Cannot list workflow runs for octo/nope: GitHub answered 404 Not Found;"
            + " check the name and that GITHUB_TOKEN can see octo/nope.")
        .extracting(e -> ((CiException) e).kind()).isEqualTo(CiException.Kind.NOT_FOUND);
  }
}
