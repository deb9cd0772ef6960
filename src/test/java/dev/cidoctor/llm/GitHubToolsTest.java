package dev.cidoctor.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.model.Commit;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Job;
import dev.cidoctor.model.JobStep;
import dev.cidoctor.model.WorkflowRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The GitHub-only tools read through the CiProvider port, at the run's SHA, and refuse paths outside the repository. */
class GitHubToolsTest {
  private static final String LOG = "integration-failure.log";
  static final WorkflowRun RUN = new WorkflowRun("octo/shop", 901, 1, 57, "CI", ".github/workflows/ci.yml", "c0ffee1234",
      "main", "push", "dev", "completed", "failure", "https://github.com/octo/shop/actions/runs/901", "Seed more orders",
      Instant.parse("2024-05-02T09:59:00Z"), Instant.parse("2024-05-02T10:01:00Z"));
  static final WorkflowRun GREEN = new WorkflowRun("octo/shop", 880, 1, 56, "CI", ".github/workflows/ci.yml", "abc0000001",
      "main", "push", "dev", "completed", "success", "https://github.com/octo/shop/actions/runs/880", "Fix stock",
      Instant.parse("2024-05-01T09:00:00Z"), Instant.parse("2024-05-01T09:03:00Z"));
  static final Job JOB = new Job(7001, 901, 1, "invariants", "completed", "failure", null, null, null, "runner-1", List.of(
      new JobStep(1, "Set up job", "completed", "success", null, null),
      new JobStep(3, "Run ./scripts/check-invariants.sh", "completed", "failure", null, null)));

  static RecordingCi ci() {
    return new RecordingCi(Map.of(".github/workflows/ci.yml", "name: CI\non: push\njobs:\n  invariants:\n    runs-on: ubuntu-latest\n",
        "scripts/check-invariants.sh", "#!/bin/sh\nexec python -m shop.invariants\n"),
        GREEN, List.of(new Commit("deadbeef0011", "dev", "Seed more orders\n\nAdds 3 orders", Instant.parse("2024-05-02T09:50:00Z"))));
  }

  private static Toolbox toolbox(RecordingCi ci) {
    Diagnosis rules = LlmFixtures.rules(LOG);
    return new Toolbox(LlmFixtures.lines(LOG), rules, new RunContext(ci, RUN, JOB), KnownFixes.NONE);
  }

  @Test
  void specs_githubRun_addsTheRepositoryTools() {
    assertThat(toolbox(ci()).specs()).extracting(ToolSpec::name).containsExactly("search_log", "read_log_lines",
        "list_failed_steps", "similar_failures", "read_workflow", "read_repo_file", "commits_since_success");
  }

  @Test
  void run_readWorkflow_readsTheWorkflowFileAtTheRunsSha() {
    RecordingCi ci = ci();
    String out = toolbox(ci).run(new ToolCall("1", "read_workflow", "{}"));
    assertThat(out).startsWith(".github/workflows/ci.yml at c0ffee1234:\nname: CI\n");
    assertThat(ci.calls).containsExactly("file octo/shop .github/workflows/ci.yml @c0ffee1234");
  }

  @Test
  void run_readRepoFile_pathTraversalAndAbsolutePaths_areRefusedWithoutAsking() {
    RecordingCi ci = ci();
    Toolbox tools = toolbox(ci);
    for (String bad : List.of("../../etc/passwd", "/etc/passwd", "scripts/../../secrets", "..", "C:\\\\Windows\\\\win.ini", "~/.ssh/id_rsa",
        "scripts//x", "a\\u0000b")) {
      assertThat(tools.run(new ToolCall("1", "read_repo_file", "{\"path\":\"" + bad + "\"}"))).as(bad)
          .isEqualTo("error: 'path' must be relative to the repository root, without '..', e.g. src/main/App.java");
    }
    assertThat(ci.calls).isEmpty();
    assertThat(tools.run(new ToolCall("2", "read_repo_file", "{\"path\":\"scripts/check-invariants.sh\"}")))
        .endsWith("exec python -m shop.invariants\n");
    assertThat(tools.run(new ToolCall("3", "read_repo_file", "{\"path\":\"missing.txt\"}")))
        .isEqualTo("error: missing.txt does not exist at c0ffee1234");
  }

  @Test
  void run_commitsSinceSuccess_listsTheCommitsBetweenTheGreenRunAndThisOne() {
    RecordingCi ci = ci();
    assertThat(toolbox(ci).run(new ToolCall("1", "commits_since_success", "{}")))
        .isEqualTo("last success: run 880 at abc0000001\ndeadbeef00 dev: Seed more orders\n");
    assertThat(ci.calls).containsExactly("lastSuccess octo/shop .github/workflows/ci.yml main", "commitsBetween abc0000001..c0ffee1234");
  }

  @Test
  void run_listFailedSteps_usesTheJobsSteps() {
    assertThat(toolbox(ci()).run(new ToolCall("1", "list_failed_steps", "{}")))
        .isEqualTo("step 3 'Run ./scripts/check-invariants.sh': failure\n23: ##[error]Process completed with exit code 3.\n");
  }

  @Test
  void explain_githubRunInvestigation_readsTheWorkflowAndHistoryThroughThePort() {
    RecordingCi ci = ci();
    try (dev.cidoctor.testing.ScriptedLlm llm = dev.cidoctor.testing.ScriptedLlm.anthropic()) {
      llm.toolCall("What runs in this job?", "read_workflow", "{}", 800, 20)
          .toolCall("What changed since it was green?", "commits_since_success", "{}", 900, 20)
          .answer(LlmFixtures.GOOD_ANSWER, 1000, 120);

      LlmOutcome out = LlmFixtures.analysis(LlmFixtures.config(llm), new InMemoryAnswerCache(), KnownFixes.NONE, SpendLedger.NONE)
          .explain(LlmFixtures.rules(LOG), LlmFixtures.lines(LOG), new RunContext(ci, RUN, JOB));

      assertThat(out.source()).isEqualTo(LlmOutcome.Source.MODEL);
      assertThat(ci.calls).containsExactly("file octo/shop .github/workflows/ci.yml @c0ffee1234",
          "lastSuccess octo/shop .github/workflows/ci.yml main", "commitsBetween abc0000001..c0ffee1234");
      var sent = llm.requests().get(2).path("messages");
      assertThat(sent.get(sent.size() - 1).toString()).contains("deadbeef00 dev: Seed more orders");
    }
  }

  @Test
  void run_plainLogFile_hasNoGitHubTools() {
    Toolbox plain = new Toolbox(LlmFixtures.lines(LOG), LlmFixtures.rules(LOG), null, KnownFixes.NONE);
    assertThat(plain.run(new ToolCall("1", "read_workflow", "{}")))
        .isEqualTo("error: there is no tool named 'read_workflow'; the tools are search_log, read_log_lines, list_failed_steps, similar_failures");
  }

  @Test
  void run_catastrophicRegex_isStoppedByTheBudget() {
    List<String> raw = List.of("ok", "a".repeat(40) + "!");
    Toolbox tools = new Toolbox(LogLines.of(raw), LlmFixtures.rules(LOG), null, KnownFixes.NONE);
    assertThat(tools.run(new ToolCall("1", "search_log", "{\"pattern\":\"^((a+)+)+$\"}")))
        .isEqualTo("error: the regex is too expensive (it backtracks); search stopped at line 2");
  }

  @Test
  void run_readLogLines_isCappedAndBounded() {
    List<String> raw = new java.util.ArrayList<>();
    for (int i = 1; i <= 500; i++) {
      raw.add("line " + i);
    }
    Toolbox tools = new Toolbox(LogLines.of(raw), LlmFixtures.rules(LOG), null, KnownFixes.NONE);
    String out = tools.run(new ToolCall("1", "read_log_lines", "{\"from\":1,\"to\":500}"));
    assertThat(out.lines()).hasSize(Toolbox.MAX_LINES_PER_READ).last().isEqualTo("80: line 80");
    assertThat(tools.run(new ToolCall("2", "read_log_lines", "{\"from\":501,\"to\":502}"))).isEqualTo("error: the log has 500 lines");
  }
}
