package dev.cidoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cidoctor.store.Fix;
import dev.cidoctor.store.PatternDetail;
import dev.cidoctor.store.PatternSummary;
import dev.cidoctor.store.Stats;
import dev.cidoctor.store.StatsQuery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The JSON of {@code patterns}, read back and compared with golden documents (the ones Jackson wrote
 * before PatternsJson stopped loading it), so the hand-written output keeps every field, type and escape.
 */
class PatternsJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-12-11T10:00:00Z");
  private static final Fix FIX = new Fix("octo/app", "main", 7, "0123456789abcdef", "Fix the \"flaky\" test\n\tand more", NOW.minusSeconds(3600));
  private static final PatternSummary SUMMARY = new PatternSummary("sha256:abc", "python.assert.http-status", "test_failure",
      null, "Tests failed: E assert 200 == 201 \u2028 \u0001", 35, NOW.minusSeconds(86_400 * 20), NOW, List.of("octo/app", "octo/web"),
      Optional.of(FIX));

  static Stats stats() {
    Map<String, Long> categories = new LinkedHashMap<>();
    categories.put("test_failure", 30L);
    categories.put("network", 5L);
    return new Stats(new StatsQuery("octo/app", NOW.minus(Duration.ofDays(30)), NOW, 10), 35,
        List.of(SUMMARY, new PatternSummary("sha256:def", "connection_refused", "network", null, "Connection refused", 5,
            NOW, NOW, List.of(), Optional.empty())),
        categories, List.of(new Stats.WorkflowRate("octo/app", "CI", 3, 1)), List.of(new Stats.BranchRate("octo/app", "main", 7, 7)),
        List.of(new Stats.FlakyJob("octo/app", "CI", "test", 2, 3)), Optional.of(Duration.ofMinutes(95)), 4,
        List.of(new Stats.TrendFlag("rising", "connection_refused", "sha256:def", "12 in the last 7 days")),
        List.of(new Stats.RateTrend("branch", "octo/app", null, "main", 20, 12, 40, 4, "12 of 20 runs failed")),
        new Stats.Spend("2026-12", 0.000372, 2000, 120, 1));
  }

  @Test
  void stats_everyField_isTheGoldenDocument() throws IOException {
    assertSameDocument(PatternsJson.stats(stats()), "patterns-stats.json");
  }

  @Test
  void stats_nothingYet_isTheGoldenDocument() throws IOException {
    Stats empty = new Stats(new StatsQuery(null, NOW.minus(Duration.ofDays(30)), NOW, 10), 0, List.of(), Map.of(), List.of(),
        List.of(), List.of(), Optional.empty(), 0, List.of(), List.of(), new Stats.Spend("2026-12", 0, 0, 0, 0));
    assertSameDocument(PatternsJson.stats(empty), "patterns-stats-empty.json");
  }

  @Test
  void pattern_everyField_isTheGoldenDocument() throws IOException {
    Map<LocalDate, Long> perDay = new LinkedHashMap<>();
    perDay.put(LocalDate.parse("2026-12-09"), 2L);
    perDay.put(LocalDate.parse("2026-12-10"), 1L);
    PatternDetail d = new PatternDetail(SUMMARY, perDay, List.of("main", "release"), List.of(new PatternDetail.Occurrence("octo/app",
        "CI", "test", 42, 2, "main", "abc", NOW, "12: E assert 200 == 201"), new PatternDetail.Occurrence("local", "local", "x.log",
        9, 1, null, null, NOW, null)), List.of(FIX), 1);
    assertSameDocument(PatternsJson.pattern(d), "patterns-pattern.json");
  }

  private static void assertSameDocument(String actual, String golden) throws IOException {
    Path out = Path.of("target/golden-actual/" + golden);
    Files.createDirectories(out.getParent());
    Files.writeString(out, actual);
    try (InputStream in = PatternsJsonTest.class.getResourceAsStream(golden)) {
      assertThat(in).as("golden file %s (this run's output is in %s)", golden, out).isNotNull();
      String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected));
    }
  }
}
