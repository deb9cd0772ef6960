package dev.cidoctor.ci.github;

import java.io.IOException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks and reads GitHub webhook deliveries: the {@code X-Hub-Signature-256} HMAC over the raw body,
 * then the {@code workflow_run}, {@code workflow_job} and {@code ping} payloads as model records.
 */
public final class GitHubWebhooks {
  private static final String PREFIX = "sha256=";

  private GitHubWebhooks() {}

  /**
   * Says whether {@code signatureHeader} ({@code sha256=<64 hex>}) is the HMAC-SHA256 of {@code rawBody}
   * under {@code secret}, comparing in constant time; false when the header is missing or malformed.
   */
  public static boolean verify(byte[] secret, byte[] rawBody, String signatureHeader) {
    if (secret == null || secret.length == 0 || rawBody == null || signatureHeader == null) {
      return false;
    }
    String h = signatureHeader.strip();
    if (!h.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || h.length() != PREFIX.length() + 64) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(h.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return MessageDigest.isEqual(mac.doFinal(rawBody), given);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }

  /**
   * Reads a delivery whose {@code X-GitHub-Event} header is {@code eventHeader}; unknown fields are
   * ignored and unknown events come back as {@link WebhookEvent.Kind#OTHER}.
   *
   * @throws WebhookException when the body is not JSON or lacks what the event must carry
   */
  public static WebhookEvent parse(String eventHeader, byte[] body) {
    String event = eventHeader == null ? "" : eventHeader.strip();
    GitHubJson.WebhookPayload p;
    try {
      p = GitHubMapping.read(body == null ? new byte[0] : body, GitHubJson.WebhookPayload.class);
    } catch (IOException e) {
      throw new WebhookException("The " + (event.isEmpty() ? "webhook" : event) + " delivery is not a JSON object ("
          + e.getMessage().lines().findFirst().orElse("unreadable") + ").", e);
    }
    String repo = p.repository() == null ? null : p.repository().fullName();
    try {
      return switch (event) {
        case "workflow_run" -> {
          need(p.workflowRun(), "workflow_run", event);
          need(repo, "repository.full_name", event);
          var run = GitHubMapping.run(repo, p.workflowRun());
          yield new WebhookEvent(WebhookEvent.Kind.WORKFLOW_RUN, event, p.action(), repo, run, null, run.id(), run.attempt());
        }
        case "workflow_job" -> {
          need(p.workflowJob(), "workflow_job", event);
          need(p.workflowJob().runId(), "workflow_job.run_id", event);
          int attempt = p.workflowJob().runAttempt() == null ? 1 : p.workflowJob().runAttempt();
          var job = GitHubMapping.job(p.workflowJob(), p.workflowJob().runId(), attempt);
          yield new WebhookEvent(WebhookEvent.Kind.WORKFLOW_JOB, event, p.action(), repo, null, job, job.runId(), attempt);
        }
        case "ping" -> new WebhookEvent(WebhookEvent.Kind.PING, event, p.action(), repo, null, null, 0, 0);
        default -> new WebhookEvent(WebhookEvent.Kind.OTHER, event, p.action(), repo, null, null, 0, 0);
      };
    } catch (IllegalArgumentException e) {
      throw new WebhookException("The " + event + " delivery cannot be read: " + e.getMessage() + ".", e);
    }
  }

  private static void need(Object value, String field, String event) {
    if (value == null) {
      throw new IllegalArgumentException("it has no " + field);
    }
  }

  /**
   * Returns the run a {@code workflow_run} delivery with action {@code completed} announces, empty
   * for any other event or action; throws {@link WebhookException} for a body that is not a payload.
   */
  public static java.util.Optional<dev.cidoctor.model.WorkflowRun> completedRun(String eventHeader, byte[] body) {
    WebhookEvent e = parse(eventHeader, body);
    return e.kind() == WebhookEvent.Kind.WORKFLOW_RUN && "completed".equals(e.action()) && e.run() != null
        ? java.util.Optional.of(e.run()) : java.util.Optional.empty();
  }
}
