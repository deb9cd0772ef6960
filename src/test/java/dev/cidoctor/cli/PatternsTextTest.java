package dev.cidoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.store.Stats;
import dev.cidoctor.store.StatsQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PatternsTextTest {
  static final Instant NOW = Instant.parse("2026-12-11T10:00:00Z");

  static Stats stats(List<Stats.TrendFlag> trends, List<Stats.RateTrend> rates) {
    return new Stats(new StatsQuery(null, NOW.minusSeconds(30 * 86_400L), NOW, 10), 0, List.of(), Map.of(), List.of(), List.of(),
        List.of(), Optional.empty(), 0, trends, rates, new Stats.Spend("2026-12", 0.0123, 3000, 400, 1));
  }

  @Test
  void stats_risingFailureRates_areATableOfScopeAndBothWindows() {
    String text = new PatternsText().stats(stats(List.of(), List.of(
        new Stats.RateTrend("repo", "octo/app", null, null, 60, 16, 80, 8, "16 of 60 ..."),
        new Stats.RateTrend("branch", "octo/app", null, "main", 20, 12, 40, 4, "12 of 20 ..."))));

    assertThat(text).contains("Failure rates rising (last 7 days against the 28 before):\n"
        + "  SCOPE   REPO      WORKFLOW/BRANCH  LAST 7 DAYS           28 DAYS BEFORE\n"
        + "  repo    octo/app  -                16/60 failed (26.7%)  8/80 failed (10.0%)\n"
        + "  branch  octo/app  main             12/20 failed (60.0%)  4/40 failed (10.0%)\n\n");
  }

  @Test
  void stats_noRisingFailureRate_saysSo() {
    assertThat(new PatternsText().stats(stats(List.of(), List.of()))).contains("Failure rates rising (last 7 days against the 28 before):\n"
        + "  (no repository, workflow or branch fails more often than before)\n\n");
  }
}
