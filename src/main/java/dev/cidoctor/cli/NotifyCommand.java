package dev.cidoctor.cli;

import dev.cidoctor.analysis.Redactor;
import dev.cidoctor.config.Config;
import dev.cidoctor.notify.Channels;
import dev.cidoctor.notify.Notification;
import dev.cidoctor.notify.Notifier;
import dev.cidoctor.notify.RoutingLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cidoctor notify test CHANNEL|check}: checks the notification setup by sending a sample. */
@Command(name = "notify", mixinStandardHelpOptions = true, description = "Checks notification channels and routing.",
    subcommands = {NotifyCommand.Test.class, NotifyCommand.Check.class}, footer = {"", ExitCode.HELP})
final class NotifyCommand implements Runnable {

  @Override
  public void run() {
    throw new UsageException("Missing subcommand: notify test CHANNEL or notify check.");
  }

  static Map<String, String> settings(Path envFile) {
    return Config.loadFile(envFile, Main.environment()).values();
  }

  @Command(name = "test", mixinStandardHelpOptions = true, footer = {"", ExitCode.HELP},
      description = {"Sends a sample failure notification to one configured channel: " + "slack, discord, email, github, "
          + "pagerduty, opsgenie or webhook. PagerDuty, Opsgenie and GitHub also get the matching recovery, so the test "
          + "incident, alert or issue is closed again."})
  static final class Test implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "CHANNEL")
    String channel;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Settings file (default: ${DEFAULT-VALUE}); the environment overrides it.")
    Path envFile = Path.of(".env");

    @Option(names = "--repo", paramLabel = "OWNER/NAME", description = "Repository for the github channel's test issue (default: GITHUB_REPO).")
    String repo;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      if (!Channels.NAMES.contains(channel)) {
        throw new UsageException("There is no channel '" + channel + "'; the channels are " + String.join(", ", Channels.NAMES) + ".");
      }
      Map<String, String> settings = settings(envFile);
      Notifier notifier = Channels.create(channel, settings);
      Instant now = Instant.now();
      Notification sample = Channels.sample(now).redacted(Redactor::redact);
      if (channel.equals("github")) {
        String r = repo != null ? repo : settings.get("GITHUB_REPO");
        if (r == null || !r.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
          throw new UsageException("notify test github needs --repo OWNER/NAME (or GITHUB_REPO) for the test issue.");
        }
        sample = inRepo(sample, r);
      }
      notifier.send(sample);
      boolean closes = channel.equals("pagerduty") || channel.equals("opsgenie") || channel.equals("github");
      if (closes) {
        notifier.send(new Notification(Notification.Kind.RECOVERY, sample.repo(), sample.workflow(), sample.runId() + 1, 1,
            sample.runNumber() + 1, sample.branch(), sample.commitSha(), sample.commitAuthor(), "Test recovery", sample.runUrl(),
            null, sample.fingerprint(), 0, null, null, false, false, now, null));
      }
      out.println("Sent a test notification to " + channel + (closes ? " and resolved it again" : "") + ".");
      return ExitCode.OK;
    }

    private static Notification inRepo(Notification n, String repo) {
      return new Notification(n.kind(), repo, n.workflow(), n.runId(), n.attempt(), n.runNumber(), n.branch(), n.commitSha(),
          n.commitAuthor(), n.commitMessage(), "https://github.com/" + repo + "/actions", n.diagnosis(), n.fingerprint(),
          n.similarCount(), n.trend(), n.cost(), n.repeat(), n.retryPending(), n.occurredAt(), n.mention());
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true, footer = {"", ExitCode.HELP},
      description = {"Validates the channel settings and the routing file (NOTIFY_CONFIG) without sending anything."})
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Settings file (default: ${DEFAULT-VALUE}); the environment overrides it.")
    Path envFile = Path.of(".env");

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Map<String, String> settings = settings(envFile);
      Map<String, Notifier> channels = Channels.configured(settings);
      String routing = settings.get("NOTIFY_CONFIG");
      if (routing != null && !routing.isBlank()) {
        RoutingLoader.load(Path.of(routing.strip()));
      }
      out.println("Channels configured: " + (channels.isEmpty() ? "none" : String.join(", ", channels.keySet())) + ".");
      out.println("Routing: " + (routing == null || routing.isBlank() ? "none (every channel, first failure and recovery)" : routing.strip() + " is valid") + ".");
      return ExitCode.OK;
    }
  }
}
