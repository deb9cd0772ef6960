package dev.cidoctor.llm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps answers as one JSON file per fingerprint in a folder, so the command line remembers them
 * between runs. A file that cannot be read or parsed counts as a miss: the cache only saves money.
 */
public final class FileAnswerCache implements AnswerCache {
  private static final Pattern FINGERPRINT = Pattern.compile("sha256:[0-9a-f]{16}");
  private final Path dir;
  private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public FileAnswerCache(Path dir) {
    this.dir = dir;
  }

  @Override
  public Optional<CachedAnswer> get(String fingerprint) {
    Path f = file(fingerprint);
    if (f == null || !Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(f.toFile(), CachedAnswer.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public void put(String fingerprint, CachedAnswer answer) {
    Path f = file(fingerprint);
    if (f == null) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "answer", ".tmp");
      json.writeValue(tmp.toFile(), answer);
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new LlmException(LlmException.Kind.OTHER, "Cannot write the answer cache in " + dir + ": " + e.getMessage() + ".", e);
    }
  }

  /** Only well-formed fingerprints name files: a key never becomes a path outside the folder. */
  private Path file(String fingerprint) {
    return fingerprint != null && FINGERPRINT.matcher(fingerprint).matches()
        ? dir.resolve(fingerprint.substring(7) + ".json") : null;
  }
}
