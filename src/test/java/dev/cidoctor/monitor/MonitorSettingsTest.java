package dev.cidoctor.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cidoctor.config.Config;
import dev.cidoctor.config.ConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitorSettingsTest {
  static MonitorSettings of(Map<String, String> env) {
    return MonitorSettings.from(new Config(List.of(), env), true);
  }

  @Test
  void from_defaults_areTheDocumentedOnes() {
    MonitorSettings s = of(Map.of("GITHUB_REPO", "octo/app, octo/lib octo/app"));

    assertThat(s.repos()).containsExactly("octo/app", "octo/lib");
    assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.firstLookback()).isEqualTo(Duration.ofHours(24));
    assertThat(s.apiUrl()).hasToString("https://api.github.com");
    assertThat(s.ignoreSuccess()).isFalse();
    assertThat(s.token()).isNull();
    assertThat(s.logLevel()).isEqualTo("INFO");
  }

  @Test
  void from_everyProblem_isReportedAtOnce() {
    assertThatThrownBy(() -> of(Map.of("GITHUB_REPO", "octo", "POLL_INTERVAL_SECONDS", "soon", "IGNORE_SUCCESS", "maybe",
        "GITHUB_API_URL", "ftp://x", "LOG_LEVEL", "loud")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid configuration: GITHUB_REPO names 'octo', which is not OWNER/NAME; "
            + "POLL_INTERVAL_SECONDS must be a whole number, not 'soon'; IGNORE_SUCCESS must be true or false, not 'maybe'; "
            + "GITHUB_API_URL must be an http(s) URL such as https://api.github.com, not 'ftp://x'; "
            + "LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not 'LOUD'.");
  }

  @Test
  void from_noRepo_saysWhatToSet() {
    assertThatThrownBy(() -> of(Map.of()))
        .hasMessage("Invalid configuration: GITHUB_REPO is not set: name the repositories to watch, e.g. GITHUB_REPO=octo/app,octo/lib.");
  }

  @Test
  void toString_neverShowsTheToken() {
    MonitorSettings s = of(Map.of("GITHUB_REPO", "octo/app", "GITHUB_TOKEN", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"));

    assertThat(s.token()).startsWith("ghp_");
    assertThat(s.toString()).doesNotContain("ghp_").contains("token=***");
  }
}
