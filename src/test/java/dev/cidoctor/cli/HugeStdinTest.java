package dev.cidoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams 1 GiB of generated GitHub Actions log into a child JVM limited to a 96 MB heap: an analyzer
 * that held the log (or its lines, or its candidates) in memory would die of OutOfMemoryError.
 */
class HugeStdinTest {
  private static final long GIB = 1L << 30;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void analyze_oneGibOnStdinWith96MbHeap_exits0AndNamesTheFinalFailure() throws Exception {
    Path stderr = dir.resolve("stderr.txt");
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process p = new ProcessBuilder(java, "-Xmx96m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        "dev.cidoctor.cli.Main", "analyze", "-", "--format", "json")
        .redirectError(stderr.toFile())
        .start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
    long written = 0;
    try (OutputStream in = p.getOutputStream()) {
      written = writeLog(in);
    } catch (IOException e) {
      // the child died early; its exit code and stderr below say why
    }
    boolean done = p.waitFor(5, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done).as("child JVM finished").isTrue();
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("exit code; stderr: " + err).isEqualTo(ExitCode.OK);
    assertThat(written).isGreaterThanOrEqualTo(GIB);
    JsonNode o = JSON.readTree(out.get(1, TimeUnit.MINUTES));
    assertThat(o.path("input").asText()).isEqualTo("-");
    assertThat(o.path("failedStep").asText()).isEqualTo("pytest tests/test_final.py");
    assertThat(o.path("failedTests").toString()).contains("tests/test_final.py::test_checkout_total");
  }

  /** Writes build steps of realistic lines until 1 GiB, then a failing pytest step; returns the bytes written. */
  private static long writeLog(OutputStream in) throws IOException {
    byte[] chunk = chunk(new Random(42));
    long written = 0;
    while (written < GIB) {
      in.write(chunk);
      written += chunk.length;
    }
    byte[] tail = String.join("\n", List.of(
        "2024-05-01T11:59:58.0000001Z ##[group]Run pytest tests/test_final.py",
        "2024-05-01T11:59:58.0000002Z \u001b[36;1mpytest tests/test_final.py\u001b[0m",
        "2024-05-01T11:59:58.0000003Z shell: /usr/bin/bash -e {0}",
        "2024-05-01T11:59:58.0000004Z ##[endgroup]",
        "2024-05-01T11:59:58.1000000Z ============================= test session starts ==============================",
        "2024-05-01T11:59:58.2000000Z collected 3 items",
        "2024-05-01T11:59:59.0000000Z tests/test_final.py ..F                                                  [100%]",
        "2024-05-01T11:59:59.1000000Z =================================== FAILURES ===================================",
        "2024-05-01T11:59:59.1000001Z ____________________________ test_checkout_total _____________________________",
        "2024-05-01T11:59:59.1000002Z     def test_checkout_total():",
        "2024-05-01T11:59:59.1000003Z >       assert checkout_total([5, 7]) == 13",
        "2024-05-01T11:59:59.1000004Z E       assert 12 == 13",
        "2024-05-01T11:59:59.1000005Z tests/test_final.py:21: AssertionError",
        "2024-05-01T11:59:59.2000000Z =========================== short test summary info ============================",
        "2024-05-01T11:59:59.2000001Z FAILED tests/test_final.py::test_checkout_total - assert 12 == 13",
        "2024-05-01T11:59:59.2000002Z ========================= 1 failed, 2 passed in 0.91s ==========================",
        "2024-05-01T11:59:59.3000000Z ##[error]Process completed with exit code 1.",
        "2024-05-01T11:59:59.4000000Z Post job cleanup.",
        "")).getBytes(StandardCharsets.UTF_8);
    in.write(tail);
    return written + tail.length;
  }

  /** About 1 MiB: one passing build step of compiler/downloader chatter with an occasional warning or retried error. */
  private static byte[] chunk(Random random) {
    StringBuilder sb = new StringBuilder(1 << 21);
    sb.append("2024-05-01T10:00:00.0000000Z ##[group]Run make build\n");
    sb.append("2024-05-01T10:00:00.0000001Z ##[endgroup]\n");
    int i = 0;
    while (sb.length() < (1 << 20)) {
      String ts = String.format(Locale.ROOT, "2024-05-01T10:%02d:%02d.%07dZ ", (i / 60) % 60, i % 60, random.nextInt(10_000_000));
      int r = random.nextInt(200);
      String line;
      if (r == 0) {
        line = "npm warn deprecated glob@7.2.3: Glob versions prior to v9 are no longer supported";
      } else if (r == 1) {
        line = "Error: connect ECONNRESET 140.82.112.3:443 - retrying (attempt " + (1 + random.nextInt(3)) + " of 3)";
      } else if (r == 2) {
        line = "\u001b[33mwarning\u001b[0m: unused variable `tmp_" + random.nextInt(1000) + "` in src/lib.rs";
      } else if (r < 100) {
        line = "[" + (i % 100) + "%] Building CXX object src/CMakeFiles/core.dir/module_" + random.nextInt(5000) + ".cpp.o";
      } else {
        line = "  Downloaded org/example/lib-" + random.nextInt(300) + "/1." + random.nextInt(20) + "/lib.jar ("
            + random.nextInt(900) + " kB at " + random.nextInt(9000) + " kB/s)";
      }
      sb.append(ts).append(line).append('\n');
      i++;
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
