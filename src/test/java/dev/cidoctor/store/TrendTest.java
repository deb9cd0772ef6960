package dev.cidoctor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrendTest {
  @Test
  void rise_twoAfterNone_isNotARise() {
    assertThat(Trend.rise(2, 0)).isEmpty();
  }

  @Test
  void rise_fourAfterNone_isBelowTheMinimumCount() {
    assertThat(Trend.rise(4, 0)).isEmpty();
  }

  @Test
  void rise_fiveAfterNone_isARise() {
    assertThat(Trend.rise(5, 0)).contains("5 in the last 7 days against 0.0 expected from the 28 before (0)");
  }

  @Test
  void rise_sixAgainstABaselineOfTwelve_isNotTwiceTheExpectedThree() {
    assertThat(Trend.rise(6, 12)).isEmpty();
  }

  @Test
  void rise_noiseAroundALargeBaseline_isNotARise() {
    // 4000 over 28 days expects 1000 a week; 1090 is within three standard deviations (~95)
    assertThat(Trend.rise(1090, 4000)).isEmpty();
  }

  @Test
  void rise_doubledLargeBaseline_isARise() {
    assertThat(Trend.rise(2000, 4000)).isPresent();
  }

  @Test
  void rise_steadyRate_isNotARise() {
    assertThat(Trend.rise(25, 100)).isEmpty();
  }

  @Test
  void rise_fiveFoldSmallBaseline_isARise() {
    assertThat(Trend.rise(20, 16)).contains("20 in the last 7 days against 4.0 expected from the 28 before (16)");
  }

  @Test
  void rise_negativeCount_isAProgrammerError() {
    assertThatThrownBy(() -> Trend.rise(-1, 0)).isInstanceOf(IllegalArgumentException.class).hasMessage("counts cannot be negative: -1, 0");
  }
}
