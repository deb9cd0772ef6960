package dev.cidoctor.cli;

import dev.cidoctor.ci.github.GitHubWebhooks;
import dev.cidoctor.ci.github.WebhookException;
import dev.cidoctor.config.Config;
import dev.cidoctor.model.WorkflowRun;
import dev.cidoctor.monitor.WebhookIntake;
import java.util.Optional;
import dev.cidoctor.config.ConfigException;
import dev.cidoctor.monitor.WebhookIntake;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Glue for the GitHub commands: the LOG_FILE copy of the output and the webhook codec. */
final class Wiring {
  private Wiring() {}

  /** Copies what the monitor prints to LOG_FILE too, when it is set. */
  static PrintWriter tee(PrintWriter out, Config config) {
    String file = config.values().get("LOG_FILE");
    if (file == null || file.isBlank()) {
      return out;
    }
    Path path = Path.of(file.strip());
    Writer log;
    try {
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      log = new OutputStreamWriter(Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("LOG_FILE names " + path + ", which cannot be written: " + e.getMessage() + ".");
    }
    Writer both = new Writer() {
      @Override
      public void write(char[] cbuf, int off, int len) throws IOException {
        out.write(cbuf, off, len);
        log.write(cbuf, off, len);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
        log.flush();
      }

      @Override
      public void close() throws IOException {
        flush();
        log.close();
      }
    };
    return new PrintWriter(both, false);
  }

  /** Verifies and reads deliveries with GitHub's HMAC scheme and payloads. */
  static WebhookIntake.Codec webhookCodec(String secret) {
    byte[] key = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return new WebhookIntake.Codec() {
      @Override
      public boolean verify(byte[] body, String signature) {
        return GitHubWebhooks.verify(key, body, signature);
      }

      @Override
      public Optional<WorkflowRun> completedRun(String event, byte[] body) {
        return Wiring.completedRun(event, body);
      }
    };
  }

  /** The completed run a delivery announces; IllegalArgumentException for a body that is not a payload. */
  static Optional<WorkflowRun> completedRun(String event, byte[] body) {
    try {
      return GitHubWebhooks.completedRun(event, body);
    } catch (WebhookException ex) {
      throw new IllegalArgumentException(ex.getMessage(), ex);
    }
  }
}
