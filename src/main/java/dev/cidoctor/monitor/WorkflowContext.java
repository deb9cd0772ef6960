package dev.cidoctor.monitor;

import dev.cidoctor.ci.CiException;
import dev.cidoctor.ci.CiProvider;
import dev.cidoctor.model.Commit;
import dev.cidoctor.model.Diagnosis;
import dev.cidoctor.model.Evidence;
import dev.cidoctor.model.JobOutcome;
import dev.cidoctor.model.WorkflowRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what GitHub knows around a failed run: the workflow file at the run's head commit (to tell
 * that a database the job dials is not declared as a service) and the commits since the last green
 * run of the same workflow on the same branch (to tell whether this change likely broke it).
 */
final class WorkflowContext {
  /** A service a job dials on localhost, and the snippet that declares it in a workflow. */
  record Service(int port, String name, String image, String snippet) {}

  static final List<Service> SERVICES = List.of(
      new Service(5432, "PostgreSQL", "postgres", """
          services:
            postgres:
              image: postgres:16
              env:
                POSTGRES_PASSWORD: postgres
              ports: ["5432:5432"]
              options: --health-cmd pg_isready --health-interval 5s --health-retries 10"""),
      new Service(3306, "MySQL", "mysql", """
          services:
            mysql:
              image: mysql:8
              env:
                MYSQL_ROOT_PASSWORD: root
              ports: ["3306:3306"]
              options: --health-cmd "mysqladmin ping" --health-interval 5s --health-retries 10"""),
      new Service(6379, "Redis", "redis", """
          services:
            redis:
              image: redis:7
              ports: ["6379:6379"]
              options: --health-cmd "redis-cli ping" --health-interval 5s --health-retries 10"""),
      new Service(27017, "MongoDB", "mongo", """
          services:
            mongo:
              image: mongo:7
              ports: ["27017:27017"]"""),
      new Service(5672, "RabbitMQ", "rabbitmq", """
          services:
            rabbitmq:
              image: rabbitmq:3
              ports: ["5672:5672"]"""),
      new Service(9200, "Elasticsearch", "elasticsearch", """
          services:
            elasticsearch:
              image: elasticsearch:8.15.0
              env:
                discovery.type: single-node
                xpack.security.enabled: "false"
              ports: ["9200:9200"]"""));

  private static final Pattern LOCAL_PORT = Pattern.compile(
      "(?:localhost|127\\.0\\.0\\.1|\\[::1\\]|::1|0\\.0\\.0\\.0)[\"']?[:\\s,]+(?:port\\s+)?(\\d{2,5})\\b|port\\s+(\\d{2,5})\\b.{0,40}(?:localhost|127\\.0\\.0\\.1)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SERVICES_KEY = Pattern.compile("(?m)^\\s+services:\\s*$");

  /** What was found; every part may be empty. */
  record Found(WorkflowRun lastSuccess, List<Commit> changes, List<String> notes) {
    static final Found NONE = new Found(null, List.of(), List.of());
  }

  private final CiProvider ci;

  WorkflowContext(CiProvider ci) {
    this.ci = ci;
  }

  Found read(WorkflowRun run, List<JobOutcome> outcomes, List<String> problems) {
    List<String> notes = new ArrayList<>();
    servicesNote(run, outcomes, problems).ifPresent(notes::add);
    WorkflowRun last = null;
    List<Commit> changes = List.of();
    try {
      last = ci.lastSuccess(run.repo(), run.workflowPath(), run.branch(), run.createdAt()).orElse(null);
      if (last == null) {
        notes.add("No earlier green run of this workflow on " + run.branch() + " was found, so this may not be a new failure.");
      } else if (last.headSha() != null && last.headSha().equals(run.headSha())) {
        notes.add("The same commit " + Commit.shortSha(run.headSha()) + " passed in run #" + last.runNumber()
            + ": the failure is likely flaky or caused by the environment, not by the code.");
      } else {
        changes = ci.commitsBetween(run.repo(), last.headSha(), run.headSha());
        notes.add(changeNote(run, last, changes));
      }
    } catch (CiException e) {
      problems.add("Cannot compare with the last green run: " + e.getMessage());
    }
    return new Found(last, changes, notes);
  }

  static String changeNote(WorkflowRun run, WorkflowRun last, List<Commit> changes) {
    String since = "run #" + last.runNumber() + " at " + Commit.shortSha(last.headSha());
    if (changes.isEmpty()) {
      return "The last green run was " + since + "; GitHub lists no commits between it and this one.";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(changes.size() == 1 ? "One commit" : changes.size() + " commits")
        .append(" since the last green ").append(since).append(changes.size() == 1 ? " likely caused this failure: " : "; one of them likely caused this failure: ");
    int shown = 0;
    for (int i = changes.size() - 1; i >= 0 && shown < 5; i--, shown++) {
      sb.append(shown == 0 ? "" : "; ").append(RunAnalyzer.describe(changes.get(i)));
    }
    if (changes.size() > 5) {
      sb.append("; and ").append(changes.size() - 5).append(" more");
    }
    return sb.append('.').toString();
  }

  private Optional<String> servicesNote(WorkflowRun run, List<JobOutcome> outcomes, List<String> problems) {
    Service wanted = null;
    for (JobOutcome o : outcomes) {
      if (o.diagnosis() != null) {
        wanted = dialedService(o.diagnosis());
        if (wanted != null) {
          break;
        }
      }
    }
    if (wanted == null || run.workflowPath() == null || run.headSha() == null) {
      return Optional.empty();
    }
    String workflow;
    try {
      Optional<String> text = ci.file(run.repo(), run.workflowPath(), run.headSha());
      if (text.isEmpty()) {
        return Optional.empty();
      }
      workflow = text.get();
    } catch (CiException e) {
      problems.add("Cannot read the workflow file: " + e.getMessage());
      return Optional.empty();
    }
    boolean declared = SERVICES_KEY.matcher(workflow).find()
        && workflow.toLowerCase(Locale.ROOT).matches("(?s).*image:\\s*['\"]?(?:[\\w.-]+/)?" + wanted.image() + "\\b.*");
    if (declared) {
      return Optional.of("The job could not reach " + wanted.name() + " on localhost:" + wanted.port() + " although "
          + run.workflowPath() + " declares a " + wanted.image() + " service: check its ports mapping and health check, "
          + "and wait for it to be ready before the tests start.");
    }
    return Optional.of("The job dials " + wanted.name() + " on localhost:" + wanted.port() + ", but " + run.workflowPath()
        + " at " + Commit.shortSha(run.headSha()) + " declares no " + wanted.image() + " service. Add one to the job:\n"
        + wanted.snippet());
  }

  /** The service a diagnosis says could not be reached on this machine, or null. */
  static Service dialedService(Diagnosis d) {
    List<String> texts = new ArrayList<>();
    texts.add(d.summary());
    for (Evidence e : d.evidence()) {
      texts.add(e.text());
    }
    for (String t : texts) {
      if (t == null) {
        continue;
      }
      Matcher m = LOCAL_PORT.matcher(t);
      while (m.find()) {
        int port = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
        for (Service s : SERVICES) {
          if (s.port() == port) {
            return s;
          }
        }
      }
    }
    return null;
  }
}
