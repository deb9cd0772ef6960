package dev.cidoctor.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.config.Config;
import dev.cidoctor.notify.Dispatcher;
import dev.cidoctor.notify.InMemoryOutbox;
import dev.cidoctor.notify.Notification;
import dev.cidoctor.notify.Router;
import dev.cidoctor.notify.Routing;
import dev.cidoctor.testing.InMemoryCi;
import dev.cidoctor.testing.InMemoryPatternStore;
import dev.cidoctor.testing.MutableClock;
import dev.cidoctor.testing.RecordingNotifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifyingListenerTest {
  final MutableClock clock = new MutableClock(MonitorTest.T0.plus(Duration.ofHours(1)));
  final InMemoryCi ci = new InMemoryCi();
  final InMemoryPatternStore store = new InMemoryPatternStore();
  final RecordingNotifier slack = new RecordingNotifier("slack");
  final InMemoryOutbox outbox = new InMemoryOutbox();

  Monitor monitor() {
    MonitorSettings settings = MonitorSettings.from(new Config(List.of(), Map.of("GITHUB_REPO", "octo/app")), true);
    RunAnalyzer analyzer = new RunAnalyzer(ci, MonitorTest.ANALYZER, RunAnalyzer.JobDiagnoser.RULES_ONLY, 1 << 20, clock);
    NotifyingListener notify = new NotifyingListener(store, new Router(Routing.defaults()), List.of("slack"), outbox,
        Dispatcher.standard(outbox, Map.of("slack", slack), "test"), clock);
    return new Monitor(ci, store, analyzer, settings, List.of(notify), clock, "test");
  }

  @Test
  void processed_firstFailureRepeatThenPass_notifiesTheFirstFailureAndTheRecoveryOnly() {
    Monitor m = monitor();
    ci.run("octo/app", 101, 1, "failure", "aaa1111", MonitorTest.T0, Map.of("test", MonitorTest.PYTEST_LOG));
    m.pollOnce();
    ci.run("octo/app", 102, 1, "failure", "bbb2222", MonitorTest.T0.plusSeconds(600), Map.of("test", MonitorTest.PYTEST_LOG));
    clock.advance(Duration.ofMinutes(10));
    m.pollOnce();
    ci.run("octo/app", 103, 1, "success", "ccc3333", MonitorTest.T0.plusSeconds(1200), Map.of(), "test");
    clock.advance(Duration.ofMinutes(10));
    m.pollOnce();

    assertThat(slack.sent()).extracting(Notification::kind, Notification::runId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Notification.Kind.FAILURE, 101L),
            org.assertj.core.groups.Tuple.tuple(Notification.Kind.RECOVERY, 103L));
    Notification failure = slack.sent().get(0);
    assertThat(failure.diagnosis().failedTests()).contains("tests/test_db.py::test_insert");
    assertThat(failure.runUrl()).isEqualTo("https://github.com/octo/app/actions/runs/101");
    assertThat(slack.sent().get(1).fingerprint()).isEqualTo(failure.fingerprint());
  }

  @Test
  void processed_channelDown_retriesOnALaterCycleAndSendsOnce() {
    Monitor m = monitor();
    slack.failNext(503);
    ci.run("octo/app", 101, 1, "failure", "aaa1111", MonitorTest.T0, Map.of("test", MonitorTest.PYTEST_LOG));
    m.pollOnce();
    assertThat(slack.sent()).isEmpty();

    clock.advance(Duration.ofMinutes(30));
    m.pollOnce();
    m.pollOnce();

    assertThat(slack.sent()).hasSize(1);
  }

  @Test
  void processed_passWithoutEarlierFailure_notifiesNothing() {
    ci.run("octo/app", 101, 1, "success", "aaa1111", MonitorTest.T0, Map.of(), "test");

    monitor().pollOnce();

    assertThat(slack.sent()).isEmpty();
  }
}
