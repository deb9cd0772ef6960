package dev.cidoctor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Keeps FakeGitHub's answers in GitHub's shapes: the same field names as the real examples. */
class FakeGitHubShapeTest {
  static final ObjectMapper JSON = new ObjectMapper();
  final FakeGitHub gh = FakeGitHub.start();
  long runId;

  FakeGitHubShapeTest() {
    runId = gh.addRun("octo/app", new FakeGitHub.RunSpec("CI", ".github/workflows/ci.yml", "main", "abc", "push",
        "octocat", "title", "failure", Instant.parse("2026-03-02T12:00:00Z"), List.of(new FakeGitHub.JobSpec("build",
            "failure", List.of(new FakeGitHub.StepSpec("Run tests", "failure", "x\n"))))));
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gh.apiUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static Set<String> fields(JsonNode n) {
    Set<String> names = new TreeSet<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void runAndJob_carryTheFieldsOfTheRealExamples() throws Exception {
    JsonNode run = get("/repos/octo/app/actions/runs").get("workflow_runs").get(0);
    JsonNode job = get("/repos/octo/app/actions/runs/" + runId + "/attempts/1/jobs").get("jobs").get(0);
    JsonNode realRun = FakeGitHubPayloads.load("/github/run.json");
    JsonNode realJob = FakeGitHubPayloads.load("/github/job.json");

    assertThat(fields(run)).containsAll(fields(realRun));
    assertThat(fields(run.get("actor"))).containsAll(fields(realRun.get("actor")));
    assertThat(fields(job)).containsAll(fields(realJob));
    assertThat(fields(job.get("steps").get(0))).isEqualTo(fields(realJob.get("steps").get(0)));
    assertThat(run.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
  }

  @Test
  void runAndJob_matchTheSharedFixtures_whenPresent() throws Exception {
    Path shared = Path.of(System.getProperty("cidoctor.shared", "../shared"), "fixtures", "github");
    Assumptions.assumeTrue(Files.isDirectory(shared), "../shared/fixtures is not here");
    JsonNode realRun = JSON.readTree(shared.resolve("actions.list-workflow-runs-for-repo.200.json").toFile()).get("workflow_runs").get(0);
    JsonNode realJob = JSON.readTree(shared.resolve("actions.list-jobs-for-workflow-run.200.json").toFile()).get("jobs").get(0);

    assertThat(fields(get("/repos/octo/app/actions/runs").get("workflow_runs").get(0))).containsAll(fields(realRun));
    assertThat(fields(get("/repos/octo/app/actions/runs/" + runId + "/attempts/1/jobs").get("jobs").get(0)))
        .containsAll(fields(realJob));
  }
}
