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

  @Test
  void rateRise_fourFailedOfFourAfterAGreenMonth_isBelowTheMinimumCount() {
    assertThat(Trend.rateRise(4, 4, 0, 40)).isEmpty();
  }

  @Test
  void rateRise_moreRunsAtTheSameRate_isNotARise() {
    // ten times the runs, still one in ten failing: the count rose tenfold, the rate did not
    assertThat(Trend.rateRise(30, 300, 12, 120)).isEmpty();
    assertThat(Trend.rise(30, 12)).isPresent();
  }

  @Test
  void rateRise_rateTripledOnSteadyRuns_isARise() {
    assertThat(Trend.rateRise(15, 50, 20, 200)).contains(
        "15 of 50 runs failed in the last 7 days (30.0%) against 10.0% of 200 in the 28 before (5.0 expected)");
  }

  @Test
  void rateRise_noiseAroundAHighRate_isNotARise() {
    assertThat(Trend.rateRise(14, 20, 160, 400)).isEmpty(); // 40% expects 8 of 20; 14 is below twice that
  }

  @Test
  void rateRise_noRunsBefore_hasNoRateToRiseFrom() {
    assertThat(Trend.rateRise(20, 20, 0, 0)).isEmpty();
  }

  @Test
  void rateRise_moreFailedThanRuns_isAProgrammerError() {
    assertThatThrownBy(() -> Trend.rateRise(3, 2, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failed runs must be within 0..runs: 3/2, 0/0");
  }
}
