package dev.cidoctor.cli;

import dev.cidoctor.api.CicdMonitor;
import dev.cidoctor.config.Config;
import dev.cidoctor.config.ConfigException;
import dev.cidoctor.monitor.MonitorSettings;
import dev.cidoctor.monitor.WebhookIntake;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cidoctor serve}: receives GitHub webhooks (workflow_run, workflow_job) and analyzes completed
 * runs at once; keeps polling GITHUB_REPO every POLL_INTERVAL_SECONDS to catch missed deliveries.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Receives GitHub webhooks on POST /webhook and analyzes completed runs; polls GITHUB_REPO too, for missed events.",
        "Needs GITHUB_WEBHOOK_SECRET (the secret set on the webhook); deliveries without a valid X-Hub-Signature-256 get 401."},
    footer = {"", ExitCode.HELP})
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to bind (default 127.0.0.1; 0.0.0.0 for every interface).")
  String host = "127.0.0.1";

  @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default 8080).")
  int port = 8080;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be between 0 and 65535, not " + port + ".");
    }
    Config config = Main.config();
    String secret = config.values().getOrDefault("GITHUB_WEBHOOK_SECRET", "");
    if (secret.isBlank()) {
      throw new ConfigException("GITHUB_WEBHOOK_SECRET is not set: serve refuses unsigned webhooks; set it to the secret of the GitHub webhook.");
    }
    MonitorSettings settings = MonitorSettings.from(config, false);
    PrintWriter out = Wiring.tee(spec.commandLine().getOut(), config);
    try (CicdMonitor d = CicdMonitor.fromConfig(config, out, false);
        WebhookIntake intake = new WebhookIntake(new InetSocketAddress(host, port), Wiring.webhookCodec(secret), d.store(),
            run -> d.monitor().process(run), Clock.systemDefaultZone())) {
      intake.start();
      out.println(" cidoctor serve " + Main.VERSION);
      out.println("\ud83d\udce5 Webhooks: http://" + intake.address().getHostString() + ":" + intake.address().getPort() + "/webhook");
      if (!settings.repos().isEmpty()) {
        out.println("\ud83d\udd04 Reconciling " + String.join(", ", settings.repos()) + " every " + settings.pollInterval().toSeconds() + " seconds");
      }
      out.flush();
      java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        d.monitor().stop();
        try {
          done.await(2, java.util.concurrent.TimeUnit.MINUTES); // not join(): Main's System.exit waits for this hook
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "cidoctor-shutdown"));
      try {
        if (settings.repos().isEmpty()) {
          while (!d.monitor().stopping()) {
            Thread.sleep(500);
          }
        } else {
          d.monitor().runDaemon(settings.pollInterval());
        }
        out.println("Stopped.");
        out.flush();
      } finally {
        done.countDown();
      }
      return ExitCode.OK;
    } catch (IOException e) {
      throw new ConfigException("Cannot listen on " + host + ":" + port + ": " + e.getMessage() + ".");
    }
  }
}
