package dev.cidoctor.ci.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cidoctor.model.WorkflowRun;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies and reads GitHub's webhook deliveries: the HMAC-SHA256 signature over the raw body,
 * compared in constant time, and the completed workflow run a {@code workflow_run} delivery carries.
 */
public final class GitHubWebhooks {
  private static final String PREFIX = "sha256=";

  private GitHubWebhooks() {}

  /** Says whether {@code signatureHeader} (X-Hub-Signature-256) is the HMAC of {@code body} under {@code secret}. */
  public static boolean verify(byte[] secret, byte[] body, String signatureHeader) {
    if (secret == null || secret.length == 0 || signatureHeader == null || !signatureHeader.startsWith(PREFIX)
        || signatureHeader.length() != PREFIX.length() + 64) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(signatureHeader.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(hmac(secret, body), given);
  }

  /** The X-Hub-Signature-256 value GitHub would send for {@code body}. */
  public static String sign(byte[] secret, byte[] body) {
    return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
  }

  private static byte[] hmac(byte[] secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /**
   * Returns the run a {@code workflow_run} delivery with action {@code completed} announces; empty for
   * other events and actions ({@code workflow_job}, {@code ping}, {@code requested} ...). Throws
   * IllegalArgumentException when the body is not a payload of that event.
   */
  public static Optional<WorkflowRun> completedRun(String event, byte[] body) {
    if (!"workflow_run".equals(event)) {
      if ("workflow_job".equals(event) || "ping".equals(event)) {
        JsonNode n = GitHubJson.parse(body);
        if (!n.isObject()) {
          throw new IllegalArgumentException("a " + event + " payload is a JSON object");
        }
      }
      return Optional.empty();
    }
    JsonNode n = GitHubJson.parse(body);
    JsonNode run = n.path("workflow_run");
    if (!run.isObject()) {
      throw new IllegalArgumentException("a workflow_run payload has a workflow_run object");
    }
    if (!"completed".equals(n.path("action").asText())) {
      return Optional.empty();
    }
    String repo = GitHubJson.text(n.path("repository"), "full_name");
    if (repo == null && GitHubJson.text(run.path("repository"), "full_name") == null) {
      throw new IllegalArgumentException("a workflow_run payload names its repository");
    }
    WorkflowRun r = GitHubJson.run(run, repo);
    return Optional.of(new WorkflowRun(repo == null ? r.repo() : repo, r.id(), r.attempt(), r.runNumber(), r.workflowName(),
        r.workflowPath(), r.headSha(), r.branch(), r.event(), r.actor(), r.status(), r.conclusion(), r.htmlUrl(), r.title(),
        r.createdAt(), r.updatedAt()));
  }

  /** The secret as GitHub uses it: its UTF-8 bytes. */
  public static byte[] secret(String secret) {
    return secret.getBytes(StandardCharsets.UTF_8);
  }
}
