package dev.cidoctor.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cidoctor.model.Category;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RouterTest {
  private static final List<String> ALL = Channels.NAMES;
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private final Router router = new Router(RoutingLoader.load(Path.of("src/test/resources/notify/routing.yaml")));

  private static Notification failure(String repo, String branch, Severity severity, Category category, String ruleId, String line) {
    Notification s = Samples.failure();
    Diagnosis d = new Diagnosis("l", "j", category, severity, false, "summary", "fix", ruleId, 0.5,
        List.of(new Evidence(null, 1, line)), null, List.of(), "sha256:" + ruleId, List.of());
    return new Notification(s.kind(), repo, "CI", 1, 1, 1, branch, "abc", "octocat", "msg", s.runUrl(), d, null, 0, null, null,
        false, false, NOW, null);
  }

  private static List<String> channels(Router.Decision d) {
    return d.deliveries().stream().map(Router.Delivery::channel).toList();
  }

  @Test
  void decide_mainBranchHighSeverity_unionOfMatchingRoutes() {
    Router.Decision d = router.decide(failure("octo/app", "main", Severity.HIGH, Category.TEST_FAILURE, "r1", "x"), ALL, NOW);

    assertThat(channels(d)).containsExactly("slack", "email", "pagerduty", "github");
  }

  @Test
  void decide_featureBranchLowSeverity_noRouteMatches() {
    Router.Decision d = router.decide(failure("other/app", "feature/x", Severity.LOW, Category.TEST_FAILURE, "r1", "x"), ALL, NOW);

    assertThat(d.deliveries()).isEmpty();
    assertThat(d.skipped()).isEqualTo("no route sends it to a configured channel");
  }

  @Test
  void decide_releaseBranchGlobAndCategory_match() {
    Router.Decision d = router.decide(failure("other/app", "release/2.1", Severity.LOW, Category.TIMEOUT, "r1", "x"), ALL, NOW);

    assertThat(channels(d)).containsExactly("slack", "email", "discord");
  }

  @Test
  void decide_channelNotConfigured_isLeftOut() {
    Router.Decision d = router.decide(failure("octo/app", "main", Severity.HIGH, Category.TEST_FAILURE, "r1", "x"), List.of("slack"), NOW);

    assertThat(channels(d)).containsExactly("slack");
  }

  @Test
  void decide_mutedRuleBeforeExpiry_skipsAndAfterExpiry_notifies() {
    Notification n = failure("octo/app", "main", Severity.HIGH, Category.NETWORK_ERROR, "docker.pull-rate-limit", "x");

    assertThat(router.decide(n, ALL, NOW).skipped()).isEqualTo("muted (Docker Hub limits, mirror coming) until 2026-12-31T00:00:00Z");
    assertThat(router.decide(n, ALL, Instant.parse("2026-12-31T00:00:00Z")).deliveries()).isNotEmpty();
  }

  @Test
  void decide_regexMuteOnlyInItsRepo() {
    Notification legacy = failure("octo/legacy", "main", Severity.LOW, Category.TEST_FAILURE, "r1", "FAILED flaky_test_login");
    Notification app = failure("octo/app", "main", Severity.LOW, Category.TEST_FAILURE, "r1", "FAILED flaky_test_login");

    assertThat(router.decide(legacy, ALL, NOW).deliveries()).isEmpty();
    assertThat(router.decide(app, ALL, NOW).deliveries()).isNotEmpty();
  }

  @Test
  @Timeout(30) // without the budget this search would not end: fail instead of hanging the build
  void decide_catastrophicMuteRegex_givesUpAndNotifies() {
    Router evil = new Router(RoutingLoader.parse("mute:\n  - regex: \"(a+)+$\"\n", "inline"));
    Notification n = failure("octo/app", "main", Severity.HIGH, Category.TEST_FAILURE, "r1", "a".repeat(5000) + "!");

    assertThat(evil.decide(n, ALL, NOW).deliveries()).isNotEmpty();
  }

  @Test
  void decide_repeatOnBranch_skippedByDefaultButSentWithPolicyEvery() {
    Notification n = failure("octo/app", "main", Severity.HIGH, Category.TEST_FAILURE, "r1", "x");
    Notification repeat = new Notification(n.kind(), n.repo(), n.workflow(), 2, 1, 2, n.branch(), n.commitSha(), n.commitAuthor(),
        n.commitMessage(), n.runUrl(), n.diagnosis(), null, 1, null, null, true, false, NOW, null);
    Router every = new Router(RoutingLoader.parse("policy: {notify: every}", "inline"));

    assertThat(router.decide(repeat, ALL, NOW).skipped()).isEqualTo("this failure was already reported on main (policy.notify: first)");
    assertThat(channels(every.decide(repeat, ALL, NOW))).containsExactlyElementsOf(ALL);
  }

  @Test
  void decide_retryPending_neverNotifies() {
    Notification n = failure("octo/app", "main", Severity.CRITICAL, Category.TEST_FAILURE, "r1", "x");
    Notification pending = new Notification(n.kind(), n.repo(), n.workflow(), 1, 1, 1, n.branch(), n.commitSha(), n.commitAuthor(),
        n.commitMessage(), n.runUrl(), n.diagnosis(), null, 0, null, null, false, true, NOW, null);

    assertThat(router.decide(pending, ALL, NOW).skipped()).isEqualTo("an automatic retry of this run is pending");
  }

  @Test
  void decide_recovery_goesWhereTheBranchRoutesGoUnlessTurnedOff() {
    assertThat(channels(router.decide(Samples.recovery(), ALL, NOW))).containsExactly("slack", "email", "pagerduty", "github", "discord");
    Router off = new Router(RoutingLoader.parse("policy: {recovery: false}", "inline"));
    assertThat(off.decide(Samples.recovery(), ALL, NOW).deliveries()).isEmpty();
  }

  @Test
  void decide_authorWithMapping_isMentionedPerChannel() {
    Router.Decision d = router.decide(failure("octo/app", "release/1", Severity.LOW, Category.TIMEOUT, "r1", "x"), ALL, NOW);

    assertThat(d.deliveries()).extracting(x -> x.channel() + "=" + x.notification().mention())
        .containsExactly("slack=U024BE7LH", "email=null", "discord=80351110224678912");
  }

  @Test
  void defaults_noFile_sendsToEveryConfiguredChannel() {
    Router.Decision d = new Router(Routing.defaults()).decide(Samples.failure(), List.of("slack", "webhook"), NOW);

    assertThat(channels(d)).containsExactly("slack", "webhook");
  }

  @Test
  void load_invalidFile_reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> RoutingLoader.load(Path.of("src/test/resources/notify/routing.bad.yaml")))
        .isInstanceOfSatisfying(NotifyException.class, e -> {
          assertThat(e.reason()).isEqualTo(NotifyException.Reason.CONFIG);
          assertThat(e.getMessage()).isEqualTo("""
              The routing file src/test/resources/notify/routing.bad.yaml has 11 problems:
                src/test/resources/notify/routing.bad.yaml: policy.notify: 'sometimes' is not first or every
                src/test/resources/notify/routing.bad.yaml: policy.recovery: 'maybe' is not true or false
                src/test/resources/notify/routing.bad.yaml: routes[0].category: unknown category 'flaky'; expected one of \
              test_failure, compilation_error, type_error, lint_error, dependency_error, network_error, timeout, \
              out_of_resources, configuration_error, infrastructure_error, docker_build_error, cancelled, unknown
                src/test/resources/notify/routing.bad.yaml: routes[0].severity: unknown severity 'hgh'; expected one of low, medium, high, critical
                src/test/resources/notify/routing.bad.yaml: routes[0].channels: 'teams' is not a channel; expected one of [slack, discord, email, github, pagerduty, opsgenie, webhook]
                src/test/resources/notify/routing.bad.yaml: routes[1].chanels: unknown key; expected one of [branch, category, channels, repo, severity, workflow]
                src/test/resources/notify/routing.bad.yaml: routes[1].channels: a route needs at least one channel
                src/test/resources/notify/routing.bad.yaml: mute[0]: a mute rule needs rule, fingerprint or regex
                src/test/resources/notify/routing.bad.yaml: mute[1].regex: Unclosed group near index 9
                src/test/resources/notify/routing.bad.yaml: mute[1].expires: 'next week' is not a date (2026-12-31) or an instant (2026-12-31T18:00:00Z)
                src/test/resources/notify/routing.bad.yaml: mentions.octocat.irc: no such channel; expected one of [slack, discord, email, github, pagerduty, opsgenie, webhook]""");
          assertThat(e.problems()).hasSize(11);
        });
  }

  @Test
  void load_yamlSyntaxError_namesTheLine() {
    assertThatThrownBy(() -> RoutingLoader.parse("routes:\n  - channels: [slack\n", "r.yaml"))
        .isInstanceOf(NotifyException.class).hasMessage("The routing file r.yaml has 1 problem:\n  r.yaml:2: not valid YAML (while parsing a flow sequence)");
  }
}
