package dev.cidoctor.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cidoctor.testing.FakeGitHubIssues;
import dev.cidoctor.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GitHubIssueNotifierTest {
  private static final String REPO = "octo/app";
  private final FakeGitHubIssues github = new FakeGitHubIssues("t0ken");
  private final GitHubIssueNotifier notifier = new GitHubIssueNotifier(github.uri(), "t0ken", List.of("cidoctor", "ci-failure"));

  @AfterEach
  void stop() {
    github.close();
  }

  private static Notification failureInRun(long runId) {
    Notification n = Samples.failure();
    return new Notification(n.kind(), n.repo(), n.workflow(), runId, 1, runId, n.branch(), n.commitSha(), n.commitAuthor(),
        n.commitMessage(), n.runUrl(), n.diagnosis(), n.fingerprint(), n.similarCount(), n.trend(), n.cost(), false, false,
        n.occurredAt(), null);
  }

  @Test
  void render_seedExample_matchesGolden() {
    Golden.assertMatches("notify.github.issue.md", IssueBody.title(Samples.failure()) + "\n\n" + IssueBody.issue(Samples.failure()));
  }

  @Test
  void render_hugeNotification_staysUnderGitHubsBodyLimit() {
    assertThat(IssueBody.issue(Samples.huge()).length()).isLessThanOrEqualTo(65536);
    assertThat(IssueBody.comment(Samples.huge()).length()).isLessThanOrEqualTo(65536);
    assertThat(IssueBody.title(Samples.huge()).length()).isLessThanOrEqualTo(256);
  }

  @Test
  void send_firstFailure_createsOneIssueWithTheMarkerAndLabels() {
    notifier.send(Samples.failure());

    List<ObjectNode> issues = github.issues(REPO);
    assertThat(issues).hasSize(1);
    assertThat(issues.get(0).path("body").asText()).startsWith("<!-- cidoctor:fingerprint=octo/app/" + Samples.FINGERPRINT + " -->");
    assertThat(issues.get(0).path("labels").findValuesAsText("name")).containsExactly("cidoctor", "ci-failure");
    assertThat(issues.get(0).path("title").asText().length()).isLessThanOrEqualTo(256);
  }

  @Test
  void send_sameRunTwice_addsNoComment() {
    notifier.send(failureInRun(1));
    notifier.send(failureInRun(1));
    notifier.send(failureInRun(2));
    notifier.send(failureInRun(2));

    assertThat(github.issues(REPO)).hasSize(1);
    assertThat(github.comments(REPO, 1)).hasSize(1);
    assertThat(github.comments(REPO, 1).get(0).path("body").asText()).startsWith("<!-- cidoctor:run=2.1 -->\nThe failure returned.");
  }

  @Test
  void send_failureReturnsAfterRecovery_reopensTheClosedIssue() {
    notifier.send(failureInRun(1));
    notifier.send(Samples.recovery());
    assertThat(github.issues(REPO).get(0).path("state").asText()).isEqualTo("closed");

    notifier.send(failureInRun(3));

    assertThat(github.issues(REPO)).hasSize(1);
    assertThat(github.issues(REPO).get(0).path("state").asText()).isEqualTo("open");
    assertThat(github.comments(REPO, 1)).hasSize(2);
  }

  @Test
  void send_issueWithSameTitleButNoMarker_isNotMistakenForOurs() {
    github.add(REPO, IssueBody.title(Samples.failure()), "Filed by a person.", "open", "cidoctor");

    notifier.send(Samples.failure());

    assertThat(github.issues(REPO)).hasSize(2);
    assertThat(github.comments(REPO, 1)).isEmpty();
  }

  @Test
  void send_markerOnTheSecondPageUnderAnotherTitle_isFoundAndCommented() {
    for (int i = 0; i < 130; i++) {
      github.add(REPO, "other " + i, "<!-- cidoctor:fingerprint=octo/app/sha256:other" + i + " -->", "closed", "cidoctor");
    }
    long ours = github.add(REPO, "Renamed by a person", IssueBody.issue(failureInRun(1)), "open", "cidoctor", "triaged");

    notifier.send(failureInRun(2));

    assertThat(github.issues(REPO)).hasSize(131);
    assertThat(github.comments(REPO, ours)).hasSize(1);
    assertThat(github.requests.stream().filter(r -> r.path().contains("page=2"))).isNotEmpty();
  }

  @Test
  void send_recoveryWithoutAnIssue_doesNothing() {
    notifier.send(Samples.recovery());

    assertThat(github.issues(REPO)).isEmpty();
  }

  @Test
  void send_issuesDisabled_saysSo() {
    github.disableIssues(REPO);

    assertThatThrownBy(() -> notifier.send(Samples.failure())).isInstanceOfSatisfying(NotifyException.class, e -> {
      assertThat(e.getMessage()).isEqualTo("Cannot deliver to github: issues are disabled in octo/app; enable them or unset GITHUB_CREATE_ISSUES.");
      assertThat(e.retryable()).isFalse();
    });
  }

  @Test
  void send_badToken_namesTheKeyNotTheToken() {
    GitHubIssueNotifier wrong = new GitHubIssueNotifier(github.uri(), "wr0ng-t0ken", List.of("cidoctor"));

    assertThatThrownBy(() -> wrong.send(Samples.failure())).isInstanceOfSatisfying(NotifyException.class, e ->
        assertThat(e.getMessage()).isEqualTo("Cannot deliver to github: GitHub answered 401 for octo/app; set GITHUB_TOKEN to a token with issues:write on it."));
  }

  @Test
  void render_hostileText_mentionsNobodyAndLinksNothing() {
    String body = IssueBody.issue(Samples.hostile());
    String outsideCode = body.replaceAll("(?s)(`{3,})\\n.*?\\n\\1", "").replaceAll("`[^`\\n]*`", "");

    assertThat(outsideCode).doesNotContainPattern("(?<![\\\\\u2060])@(octocat|org|here|channel|everyone)")
        .doesNotContainPattern("(?<!\\\\)\\[click").doesNotContain("<script", "<b>", "<https://evil");
    assertThat(body).doesNotContain("-->\n-->");
  }
}
