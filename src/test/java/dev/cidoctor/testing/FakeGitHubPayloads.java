package dev.cidoctor.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Builds FakeGitHub's JSON from the real OpenAPI examples in src/test/resources/github: every field of
 * the example is kept and the ones the fake models are overwritten, so the shapes stay real.
 */
final class FakeGitHubPayloads {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectNode RUN = load("/github/run.json");
  private static final ObjectNode JOB = load("/github/job.json");

  private FakeGitHubPayloads() {}

  static ObjectNode load(String resource) {
    try (InputStream in = FakeGitHubPayloads.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode run(String api, FakeGitHub.RepoState repo, FakeGitHub.FakeRun run, FakeGitHub.Attempt a) {
    ObjectNode n = RUN.deepCopy();
    FakeGitHub.RunSpec s = run.spec();
    String runUrl = api + "/repos/" + repo.name() + "/actions/runs/" + run.id();
    n.put("id", run.id());
    n.put("name", s.workflowName());
    n.put("node_id", "WFR_" + run.id());
    n.put("head_branch", s.branch());
    n.put("head_sha", s.headSha());
    n.put("path", s.workflowPath() + "@refs/heads/" + s.branch());
    n.put("display_title", s.title());
    n.put("run_number", run.number());
    n.put("event", s.event());
    n.put("status", a.conclusion() == null ? "in_progress" : "completed");
    n.put("conclusion", a.conclusion());
    n.put("workflow_id", repo.workflowId(s.workflowPath()));
    n.put("run_attempt", a.number());
    n.put("url", runUrl);
    n.put("html_url", "https://github.com/" + repo.name() + "/actions/runs/" + run.id());
    n.put("jobs_url", runUrl + "/jobs");
    n.put("logs_url", runUrl + "/logs");
    n.put("rerun_url", runUrl + "/rerun");
    n.put("cancel_url", runUrl + "/cancel");
    n.put("check_suite_url", api + "/repos/" + repo.name() + "/check-suites/" + run.id());
    n.put("artifacts_url", runUrl + "/artifacts");
    n.put("workflow_url", api + "/repos/" + repo.name() + "/actions/workflows/" + repo.workflowId(s.workflowPath()));
    if (a.number() > 1) {
      n.put("previous_attempt_url", runUrl + "/attempts/" + (a.number() - 1));
    } else {
      n.putNull("previous_attempt_url");
    }
    n.put("created_at", s.createdAt().toString());
    n.put("run_started_at", a.startedAt().toString());
    n.put("updated_at", a.startedAt().plusSeconds(60).toString());
    ((ObjectNode) n.get("actor")).put("login", s.actor());
    ((ObjectNode) n.get("triggering_actor")).put("login", s.actor());
    for (String field : List.of("repository", "head_repository")) {
      ObjectNode r = (ObjectNode) n.get(field);
      r.put("id", repo.id());
      r.put("full_name", repo.name());
      r.put("name", repo.name().substring(repo.name().indexOf('/') + 1));
      r.put("url", api + "/repos/" + repo.name());
    }
    ObjectNode head = (ObjectNode) n.get("head_commit");
    if (head != null) {
      head.put("id", s.headSha());
      head.put("tree_id", s.headSha());
      head.put("message", s.title());
    }
    return n;
  }

  static ObjectNode job(String api, FakeGitHub.RepoState repo, FakeGitHub.FakeRun run, FakeGitHub.Attempt a, FakeGitHub.FakeJob j) {
    ObjectNode n = JOB.deepCopy();
    n.put("id", j.id());
    n.put("run_id", run.id());
    n.put("run_attempt", a.number());
    n.put("run_url", api + "/repos/" + repo.name() + "/actions/runs/" + run.id());
    n.put("node_id", "CR_" + j.id());
    n.put("head_sha", run.spec().headSha());
    n.put("head_branch", run.spec().branch());
    n.put("url", api + "/repos/" + repo.name() + "/actions/jobs/" + j.id());
    n.put("html_url", "https://github.com/" + repo.name() + "/actions/runs/" + run.id() + "/job/" + j.id());
    n.put("check_run_url", api + "/repos/" + repo.name() + "/check-runs/" + j.id());
    n.put("name", j.spec().name());
    n.put("workflow_name", run.spec().workflowName());
    n.put("status", j.spec().conclusion() == null ? "in_progress" : "completed");
    n.put("conclusion", j.spec().conclusion());
    n.put("started_at", a.startedAt().toString());
    if (j.spec().conclusion() == null) {
      n.putNull("completed_at");
    } else {
      n.put("completed_at", a.startedAt().plusSeconds(50).toString());
    }
    n.put("runner_name", "GitHub Actions " + j.id());
    ArrayNode steps = n.putArray("steps");
    int number = 1;
    for (FakeGitHub.StepSpec st : j.spec().steps()) {
      ObjectNode sn = steps.addObject();
      sn.put("name", st.name());
      sn.put("status", st.conclusion() == null ? "in_progress" : "completed");
      sn.put("conclusion", st.conclusion());
      sn.put("number", number++);
      sn.put("started_at", a.startedAt().toString());
      sn.put("completed_at", a.startedAt().plusSeconds(number).toString());
    }
    return n;
  }

  static ObjectNode workflow(String api, FakeGitHub.RepoState repo, String path, String name) {
    ObjectNode n = JSON.createObjectNode();
    long id = repo.workflowId(path);
    n.put("id", id);
    n.put("node_id", "W_" + id);
    n.put("name", name);
    n.put("path", path);
    n.put("state", "active");
    n.put("created_at", Instant.EPOCH.toString());
    n.put("updated_at", Instant.EPOCH.toString());
    n.put("url", api + "/repos/" + repo.name() + "/actions/workflows/" + id);
    n.put("html_url", "https://github.com/" + repo.name() + "/blob/main/" + path);
    n.put("badge_url", "https://github.com/" + repo.name() + "/workflows/" + name + "/badge.svg");
    return n;
  }
}
