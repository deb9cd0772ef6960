package dev.cidoctor.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text taken from a log before it is shown, stored or sent anywhere: tokens with a
 * known shape (GitHub, GitLab, Slack, AWS, OpenAI, npm, JWTs, private keys), credentials in URLs,
 * and the values of {@code password=}, {@code token:} and similar assignments, bearer tokens, Slack
 * webhook URLs and whole private key blocks. A log is untrusted input, and CI masking ({@code ***})
 * only covers the secrets the CI system knows about.
 */
public final class Redactor {
  public static final String MASK = "[REDACTED]";
  private static final Pattern SHAPED = Pattern.compile(
      "\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}|glpat-[A-Za-z0-9_\\-]{20,}|xox[a-z]-[A-Za-z0-9-]{10,}|xapp-[A-Za-z0-9-]{10,}"
          + "|AKIA[0-9A-Z]{16}|sk-(?:proj-)?[A-Za-z0-9_\\-]{20,}|npm_[A-Za-z0-9]{36}|AIza[0-9A-Za-z_\\-]{35}"
          + "|eyJ[A-Za-z0-9_\\-]{10,}\\.eyJ[A-Za-z0-9_\\-]{10,}\\.[A-Za-z0-9_\\-]{10,})\\b"
          + "|-----BEGIN [A-Z ]*PRIVATE KEY-----");
  private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<=://)(?:[^/\\s:@]+:[^/\\s@]+|[A-Za-z0-9_\\-]{20,})(?=@)");
  /** A whole PEM private key, when the text holds more than its first line. */
  private static final Pattern KEY_BLOCK = Pattern.compile(
      "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|\\z)");
  private static final Pattern SLACK_WEBHOOK = Pattern.compile("(?<=hooks\\.slack\\.com/(?:services|workflows|triggers)/)[A-Za-z0-9/_\\-]+");
  private static final Pattern BEARER = Pattern.compile("\\b(Bearer\\s+)[A-Za-z0-9._~+/\\-]{16,}=*");
  private static final Pattern ASSIGNED = Pattern.compile(
      "(?i)\\b((?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|auth|authorization|client[_-]?secret"
          + "|aws[_-]?secret[_-]?access[_-]?key|[a-z0-9_]*_(?:password|secret|token|api_key))"
          + "[\"']?\\s*[:=]\\s*[\"']?)(?:Bearer\\s+|Basic\\s+)?([^\\s\"',;]{6,})");

  private Redactor() {}

  /**
   * Whether a value is too short to be a secret once the punctuation around it in prose is dropped:
   * {@code `permissions: id-token: write`.} names a permission level, and masking it garbled the fix
   * the analyzer suggests.
   */
  private static boolean tooShortForASecret(String value) {
    int end = value.length();
    while (end > 0 && "`.,:;)]}>".indexOf(value.charAt(end - 1)) >= 0) {
      end--;
    }
    int start = 0;
    while (start < end && "`([{<".indexOf(value.charAt(start)) >= 0) {
      start++;
    }
    return end - start < 6;
  }

  /** Returns {@code text} with every secret it recognises replaced by {@link #MASK}. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = text.contains("PRIVATE KEY-----") ? KEY_BLOCK.matcher(text).replaceAll(MASK) : text;
    s = SHAPED.matcher(s).replaceAll(MASK);
    s = SLACK_WEBHOOK.matcher(s).replaceAll(MASK);
    s = BEARER.matcher(s).replaceAll("$1" + MASK);
    s = URL_CREDENTIALS.matcher(s).replaceAll(MASK);
    Matcher m = ASSIGNED.matcher(s);
    if (m.find()) {
      StringBuilder sb = new StringBuilder();
      do {
        String value = m.group(2);
        String replacement = value.equals("***") || value.startsWith("${") || value.startsWith("$") || tooShortForASecret(value)
            ? m.group() : m.group(1) + MASK;
        m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
      } while (m.find());
      m.appendTail(sb);
      s = sb.toString();
    }
    return s;
  }
}
