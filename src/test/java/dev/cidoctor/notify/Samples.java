package dev.cidoctor.notify;

import dev.cidoctor.model.AnalysisCost;
import dev.cidoctor.model.Category;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Notifications for the tests: the seed's example, a recovery, an oversized one and a hostile one. */
final class Samples {
  static final Instant AT = Instant.parse("2026-11-16T14:24:12Z");
  static final String FINGERPRINT = "sha256:3f2a9c1d8e7b6a50";
  static final String SUGGESTION = """
      A test calls a real HTTP service that is not reachable in CI. Mock the call, for example with `responses`:

      ```python
      import responses

      @responses.activate
      def test_login_with_invalid_token():
          responses.add(responses.POST, "https://auth.example.com/login",
                        json={"error": "Invalid token"}, status=401)
          # ... rest of the test
      ```
      Or start the service the test needs as a `services:` container in the workflow.""";

  private Samples() {}

  static Diagnosis diagnosis(Severity severity, String summary, String suggestion, List<Evidence> evidence) {
    return new Diagnosis("test.log", "test", Category.TEST_FAILURE, severity, false, summary, suggestion,
        "python.pytest.unmocked-http-connection-refused", 0.9, evidence, "Run pytest", List.of("tests/test_auth.py::test_login_with_invalid_token"),
        FINGERPRINT, List.of());
  }

  /** The seed's example: CI #1235 failed on an unmocked HTTP call, seen 3 times this week. */
  static Notification failure() {
    return failure(Severity.HIGH);
  }

  static Notification failure(Severity severity) {
    List<Evidence> evidence = List.of(
        new Evidence(null, 234, "FAILED tests/test_auth.py::test_login_with_invalid_token"),
        new Evidence(null, 235, "requests.exceptions.ConnectionError: Connection refused"),
        new Evidence(null, 236, "[Errno 111] Connection refused"));
    Diagnosis d = diagnosis(severity, "Test failure due to an unmocked external HTTP request (requests.exceptions.ConnectionError: connection refused)",
        SUGGESTION, evidence);
    return new Notification(Notification.Kind.FAILURE, "octo/app", "CI", 9876543210L, 1, 1235, "main",
        "6dcb09b5b57875f334f61aebed695e2e4193db5e", "octocat", "Add login with tokens\n\nLonger body.",
        "https://github.com/octo/app/actions/runs/9876543210", d, null, 3, "3 times in the past week, rising",
        new AnalysisCost(0.08, 2100, 350, 4200), false, false, AT, null);
  }

  static Notification recovery() {
    return new Notification(Notification.Kind.RECOVERY, "octo/app", "CI", 9876543299L, 1, 1236, "main",
        "7dcb09b5b57875f334f61aebed695e2e4193db5e", "octocat", "Mock the auth service",
        "https://github.com/octo/app/actions/runs/9876543299", null, FINGERPRINT, 0, null, AnalysisCost.NONE, false, false,
        AT.plusSeconds(600), null);
  }

  /** 40 evidence lines of 2000 characters, a 20 000-character suggestion with many snippets, long names. */
  static Notification huge() {
    List<Evidence> evidence = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      evidence.add(new Evidence(null, 1000 + i, ("E" + i + " <&> ").repeat(400)));
    }
    StringBuilder suggestion = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      suggestion.append("Step ").append(i).append(" ").append("explain & <fix> ".repeat(60)).append("\n```sh\n")
          .append("run --flag <value> & more ".repeat(150)).append("\n```\n");
    }
    Diagnosis d = diagnosis(Severity.CRITICAL, "S<>&".repeat(2000), suggestion.toString(), evidence);
    return new Notification(Notification.Kind.FAILURE, "octo/app", "W".repeat(400), 1, 2, 99, "b<>&".repeat(300), "abc",
        "a".repeat(300), "m<>&".repeat(3000), "https://github.com/octo/app/actions/runs/1", d, null, 12, "t".repeat(5000),
        new AnalysisCost(1.5, 10, 20, 30), false, false, AT, "U12345");
  }

  /** Every hostile string this project knows of, in every text field. */
  static final String HOSTILE = "@channel @here @everyone <!channel> <!here> <@U123ABC> <@&987654321> <@!123456789> "
      + "<https://evil.example/x|click me> [click](https://evil.example/y) **bold** _it_ ~s~ `code` ||spoiler|| "
      + "<b>html</b><script>alert(1)</script> &amp; @octocat @org/team # Heading > quote";

  static Notification hostile() {
    List<Evidence> evidence = List.of(new Evidence(null, 7, HOSTILE), new Evidence(null, 8, "``` closes the fence? " + HOSTILE));
    Diagnosis d = diagnosis(Severity.HIGH, "Summary " + HOSTILE, "Fix " + HOSTILE + "\n```sh\n``` " + HOSTILE + "\n```\n", evidence);
    return new Notification(Notification.Kind.FAILURE, "octo/app", "CI " + HOSTILE, 5, 1, 6, "feature/" + HOSTILE,
        "abcdef1234567", "mallory", "Commit " + HOSTILE + "\nline 2", "https://github.com/octo/app/actions/runs/5", d, null, 1,
        "trend " + HOSTILE, AnalysisCost.NONE, false, false, AT, null);
  }
}
