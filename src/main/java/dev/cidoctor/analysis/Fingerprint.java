package dev.cidoctor.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A stable identity for a failure: a hash of its rule, category and root-cause line with everything
 * that changes from run to run masked (timestamps, UUIDs, hex ids, temporary paths, durations,
 * numbers), so the same failure gets the same fingerprint across runs and a different failure does not.
 */
public final class Fingerprint {
  private static final Pattern[] MASKS = {
    Pattern.compile("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?"),
    Pattern.compile("\\b\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?\\b"),
    Pattern.compile("(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b"),
    Pattern.compile("(?i)(?:/tmp|/var/folders|/private/var|C:\\\\Users\\\\[^\\\\]+\\\\AppData\\\\Local\\\\Temp|\\$TMPDIR|/home/runner/work/_temp)[/\\\\][^\\s'\":]*"),
    Pattern.compile("(?i)\\b(?=[0-9a-f]*\\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\\b"),
    Pattern.compile("(?i)\\b\\d+(?:\\.\\d+)?\\s?(?:ms|s|sec|secs|seconds|m|min|minutes|h)\\b"),
    Pattern.compile("\\d+"),
  };
  private static final String[] REPLACEMENTS = {"<ts>", "<time>", "<uuid>", "<tmp>", "<hex>", "<dur>", "<n>"};

  private Fingerprint() {}

  /** Masks the parts of a line that differ between runs of the same failure. */
  public static String normalize(String text) {
    String s = text.strip();
    for (int i = 0; i < MASKS.length; i++) {
      s = MASKS[i].matcher(s).replaceAll(REPLACEMENTS[i]);
    }
    return s.replaceAll("\\s+", " ");
  }

  /** Returns {@code sha256:} and the first 16 hex digits of the hash of the normalised failure. */
  public static String of(String category, String ruleId, String primaryLine) {
    String key = category + "\n" + (ruleId == null ? "-" : ruleId) + "\n" + normalize(primaryLine == null ? "" : primaryLine);
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
