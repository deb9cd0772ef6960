package dev.cidoctor.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a line says about the structure of a CI log, whatever the CI system: a step starts or ends
 * with an exit code, the job failed or succeeded, or the line is only a fold or timing marker. Pure
 * parsing of the systems' formats; {@link Scanner} applies the effects.
 *
 * @param kind what the line marks
 * @param name the step's name, for {@link Kind#STEP_START} and {@link Kind#PROMPT}
 * @param exitCode the exit code, for {@link Kind#STEP_EXIT} and {@link Kind#COMMAND_EXIT}
 */
record Marker(Kind kind, String name, int exitCode) {

  /** Kinds in the order they are tested; those before {@link #COMMAND_TEXT} apply inside command text. */
  enum Kind {
    /** GitHub's last line of a job ("Cleaning up orphan processes", legacy "##[section]Finishing:"). */
    GITHUB_END,
    /** A CI system's own success line (Travis exit 0, GitLab "Job succeeded", Jenkins SUCCESS). */
    SUCCEEDED,
    /** A GitHub step's header: "##[group]Run cmd"; the echoed script follows until ##[endgroup]. */
    STEP_HEADER,
    /** A step that starts without a header: GitHub post steps, GitLab sections, Jenkins stages. */
    STEP_START,
    GROUP_END,
    GROUP,
    /** "Process completed with exit code N" (GitHub) or "script returned exit code N" (Jenkins). */
    STEP_EXIT,
    /** Travis' 'The command "..." exited with N.', which may be the end of a multi-line command. */
    COMMAND_EXIT,
    /** The first line of a Travis command that spans lines: its text runs until COMMAND_EXIT. */
    COMMAND_TEXT,
    JOB_FAILED,
    TRAVIS_TIME_START,
    /** Folds, section ends, timing lines: structure and nothing else. */
    STRUCTURE,
    /** A shell prompt "$ cmd": a step on Travis and in plain logs. */
    PROMPT,
    /** A shell-traced ({@code set -x}) {@code + exit N}: the script chose to stop with code N. */
    TRACED_EXIT
  }

  private static final Pattern GHA_EXIT = Pattern.compile("^##\\[error\\]Process completed with exit code (\\d+)");
  /** Travis: the command may span lines, so the marker can be just the end: {@code ...run-tests.sh" exited with 1.} */
  private static final Pattern TRAVIS_EXIT = Pattern.compile(
      "(?:^The command \"|\")(?:.*\")?\\s*(?:failed and )?exited with (\\d+)(?:\\.| during)");
  private static final Pattern TRACED_EXIT = Pattern.compile("^\\++ exit (\\d{1,3})\\s*$");
  private static final Pattern JENKINS_EXIT = Pattern.compile("^ERROR: script returned exit code (\\d+)");
  private static final Pattern GITLAB_SECTION = Pattern.compile("^section_start:\\d+:([\\w.\\-]+)");
  private static final Pattern JENKINS_STAGE = Pattern.compile("^\\[Pipeline\\] \\{ \\((.+)\\)\\s*$");
  private static final Pattern JOB_FAILED = Pattern.compile(
      "^(?:ERROR: Job failed|Done\\. Your build exited with [1-9]|Finished: (?:FAILURE|ABORTED|UNSTABLE)"
          + "|Build step '.*' marked build as failure|##\\[error\\]The operation was canceled"
          + "|##\\[error\\]The job running on runner .* has exceeded the maximum execution time)");

  /** Returns what the cleaned line {@code t} marks, or null when it is output. */
  static Marker of(String t) {
    if (t.startsWith("Cleaning up orphan processes") || t.startsWith("##[section]Finishing:")) {
      return new Marker(Kind.GITHUB_END, null, 0);
    }
    if (t.startsWith("Done. Your build exited with 0.") || t.startsWith("Job succeeded") || t.startsWith("Finished: SUCCESS")) {
      return new Marker(Kind.SUCCEEDED, null, 0);
    }
    if (t.startsWith("##[group]Run ")) {
      return new Marker(Kind.STEP_HEADER, t.substring("##[group]Run ".length()).strip(), 0);
    }
    if (t.startsWith("##[group]Post ")) {
      return new Marker(Kind.STEP_START, t.substring("##[group]".length()).strip(), 0);
    }
    if (t.startsWith("Post job cleanup.")) {
      return new Marker(Kind.STEP_START, "Post job cleanup", 0);
    }
    if (t.startsWith("##[endgroup]")) {
      return new Marker(Kind.GROUP_END, null, 0);
    }
    if (t.startsWith("##[group]")) {
      return new Marker(Kind.GROUP, null, 0);
    }
    if (t.startsWith("[command]") || t.startsWith("##[command]")) {
      return new Marker(Kind.STRUCTURE, null, 0); // GitHub echoing a command an action runs, not output
    }
    Matcher m = GHA_EXIT.matcher(t);
    if (m.find()) {
      return new Marker(Kind.STEP_EXIT, null, Integer.parseInt(m.group(1)));
    }
    if (t.startsWith("The command \"") || t.indexOf("\" exited with ") >= 0 || t.indexOf("failed and exited with") >= 0) {
      m = TRAVIS_EXIT.matcher(t);
      if (m.find()) {
        return new Marker(Kind.COMMAND_EXIT, null, Integer.parseInt(m.group(1)));
      }
    }
    if (t.startsWith("The command \"")) {
      return new Marker(Kind.COMMAND_TEXT, null, 0);
    }
    m = JENKINS_EXIT.matcher(t);
    if (m.find()) {
      return new Marker(Kind.STEP_EXIT, null, Integer.parseInt(m.group(1)));
    }
    if (JOB_FAILED.matcher(t).find()) {
      return new Marker(Kind.JOB_FAILED, null, 0);
    }
    m = GITLAB_SECTION.matcher(t);
    if (m.find()) {
      return new Marker(Kind.STEP_START, m.group(1), 0);
    }
    if (t.startsWith("travis_time:start")) {
      return new Marker(Kind.TRAVIS_TIME_START, null, 0);
    }
    if (t.startsWith("section_end:") || t.startsWith("travis_fold:") || t.startsWith("travis_time:")) {
      return new Marker(Kind.STRUCTURE, null, 0);
    }
    m = JENKINS_STAGE.matcher(t);
    if (m.find()) {
      return new Marker(Kind.STEP_START, m.group(1), 0);
    }
    if (t.startsWith("$ ") && t.length() > 2) {
      return new Marker(Kind.PROMPT, t.substring(2).strip(), 0);
    }
    if (t.startsWith("+")) {
      m = TRACED_EXIT.matcher(t);
      if (m.find()) {
        return new Marker(Kind.TRACED_EXIT, null, Integer.parseInt(m.group(1)));
      }
    }
    return null;
  }
}
