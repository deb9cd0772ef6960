package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.analysis.Marker.Kind;
import org.junit.jupiter.api.Test;

class MarkerTest {
  @Test
  void of_githubLines_markStepsExitsAndTheJobEnd() {
    assertThat(Marker.of("##[group]Run pytest -q")).isEqualTo(new Marker(Kind.STEP_HEADER, "pytest -q", 0));
    assertThat(Marker.of("##[endgroup]").kind()).isEqualTo(Kind.GROUP_END);
    assertThat(Marker.of("##[error]Process completed with exit code 137.")).isEqualTo(new Marker(Kind.STEP_EXIT, null, 137));
    assertThat(Marker.of("Post job cleanup.")).isEqualTo(new Marker(Kind.STEP_START, "Post job cleanup", 0));
    assertThat(Marker.of("Cleaning up orphan processes").kind()).isEqualTo(Kind.GITHUB_END);
    assertThat(Marker.of("[command]/usr/bin/bash --noprofile --norc -e -o pipefail /tmp/x.sh").kind())
        .isEqualTo(Kind.STRUCTURE);
    assertThat(Marker.of("##[error]The operation was canceled.").kind()).isEqualTo(Kind.JOB_FAILED);
  }

  @Test
  void of_travisLines_markPromptsAndCommandsSpanningLines() {
    assertThat(Marker.of("$ bundle exec rake")).isEqualTo(new Marker(Kind.PROMPT, "bundle exec rake", 0));
    assertThat(Marker.of("The command \"rake\" exited with 1.")).isEqualTo(new Marker(Kind.COMMAND_EXIT, null, 1));
    assertThat(Marker.of("The command \"bash -c \"").kind()).isEqualTo(Kind.COMMAND_TEXT);
    assertThat(Marker.of("       ./run-tests.sh\" exited with 255.")).isEqualTo(new Marker(Kind.COMMAND_EXIT, null, 255));
    assertThat(Marker.of("travis_time:start:0b9e3e03").kind()).isEqualTo(Kind.TRAVIS_TIME_START);
    assertThat(Marker.of("Done. Your build exited with 1.").kind()).isEqualTo(Kind.JOB_FAILED);
    assertThat(Marker.of("Done. Your build exited with 0.").kind()).isEqualTo(Kind.SUCCEEDED);
  }

  @Test
  void of_gitlabAndJenkinsLines_markSectionsStagesAndFailures() {
    assertThat(Marker.of("section_start:1624482388:step_script")).isEqualTo(new Marker(Kind.STEP_START, "step_script", 0));
    assertThat(Marker.of("ERROR: Job failed: exit code 1").kind()).isEqualTo(Kind.JOB_FAILED);
    assertThat(Marker.of("[Pipeline] { (Build)")).isEqualTo(new Marker(Kind.STEP_START, "Build", 0));
    assertThat(Marker.of("ERROR: script returned exit code 2")).isEqualTo(new Marker(Kind.STEP_EXIT, null, 2));
    assertThat(Marker.of("Finished: FAILURE").kind()).isEqualTo(Kind.JOB_FAILED);
  }

  @Test
  void of_ordinaryOutput_isNoMarker() {
    assertThat(Marker.of("E       AssertionError: assert 200 == 201")).isNull();
    assertThat(Marker.of("echo \"exited with code\"")).isNull();
  }

  @Test
  void of_shellTracedExit_marksTheCodeOnlyForABareExit() {
    assertThat(Marker.of("+ exit 1")).isEqualTo(new Marker(Kind.TRACED_EXIT, null, 1));
    assertThat(Marker.of("++ exit 2")).isEqualTo(new Marker(Kind.TRACED_EXIT, null, 2));
    assertThat(Marker.of("+ exit \"$rc\"")).isNull();
    assertThat(Marker.of("+ exit_code=1")).isNull();
  }
}
