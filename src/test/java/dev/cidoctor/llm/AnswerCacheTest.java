package dev.cidoctor.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.model.Diagnosis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerCacheTest {
  @Test
  void fileCache_putThenGet_returnsTheSameAnswerInANewInstance(@TempDir Path dir) {
    Diagnosis d = LlmFixtures.rules("integration-failure.log");
    new FileAnswerCache(dir).put(d.fingerprint(), new AnswerCache.CachedAnswer(d, "gpt-4o-mini"));

    assertThat(new FileAnswerCache(dir).get(d.fingerprint())).contains(new AnswerCache.CachedAnswer(d, "gpt-4o-mini"));
  }

  @Test
  void fileCache_corruptFile_isAMiss(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("0123456789abcdef.json"), "{not json");
    assertThat(new FileAnswerCache(dir).get("sha256:0123456789abcdef")).isEmpty();
  }

  @Test
  void fileCache_keyThatIsNotAFingerprint_neverBecomesAPath(@TempDir Path dir) throws IOException {
    Diagnosis d = LlmFixtures.rules("integration-failure.log");
    new FileAnswerCache(dir.resolve("cache")).put("../../escape", new AnswerCache.CachedAnswer(d, "m"));
    try (var files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }
}
