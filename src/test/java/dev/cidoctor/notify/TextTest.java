package dev.cidoctor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.analysis.Redactor;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {
  private static final String J = Text.JOINER;

  @Test
  void slack_controlCharactersAndBroadcasts_areDisarmed() {
    assertThat(Text.slack("<!channel> <@U123> <https://evil.example|click> a & b @here @Everyone"))
        .isEqualTo("&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; a &amp; b @" + J + "here @" + J + "Everyone");
  }

  @Test
  void discord_markdownMentionsAndMaskedLinks_areEscaped() {
    assertThat(Text.discord("**b** [x](https://evil) <@&42> @everyone @octocat ||s||"))
        .isEqualTo("\\*\\*b\\*\\* \\[x\\]\\(https://evil\\) \\<@&42\\> @" + J + "everyone @" + J + "octocat \\|\\|s\\|\\|");
  }

  @Test
  void html_tagsAndQuotes_areEscaped() {
    assertThat(Text.html("<script>alert('x')</script> & \"q\"")).isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  }

  @Test
  void githubMarkdown_mentionsAndLinks_areBroken() {
    assertThat(Text.githubMarkdown("@octocat @org/team [x](y) <b>"))
        .isEqualTo("@" + J + "octocat @" + J + "org/team \\[x\\]\\(y\\) &lt;b&gt;");
  }

  @Test
  void fenceFor_contentWithBackticks_isLongerThanAnyRun() {
    assertThat(Text.fenceFor("a ```` b")).isEqualTo("`````");
    assertThat(Text.fenceFor("plain")).isEqualTo("```");
  }

  @Test
  void fit_escapedTextLongerThanMax_isCutBeforeEscaping() {
    String fitted = Text.fit("<".repeat(100), 50, Text::slack);

    assertThat(fitted.length()).isLessThanOrEqualTo(50);
    assertThat(fitted).endsWith("&lt;…").doesNotContain("&l…");
    assertThat(Text.fit("<<<<", 0, Text::slack)).isEmpty();
  }

  @Test
  void cut_surrogatePairAtTheEdge_isNotSplit() {
    assertThat(Text.cut("ab😀cd", 4)).isEqualTo("ab…");
  }

  @Test
  void segments_suggestionWithFences_splitsProseAndCode() {
    assertThat(Text.segments("Do this:\n```sh\nrun it\n```\nthen that."))
        .containsExactly(new Text.Segment(false, "Do this:"), new Text.Segment(true, "run it"), new Text.Segment(false, "then that."));
  }

  @Test
  void redacted_withTheAnalysisRedactor_masksSecretsInEveryFreeText() {
    String token = "ghp_" + "a".repeat(36);
    Notification n = Samples.hostile();
    Notification leaky = new Notification(n.kind(), n.repo(), n.workflow(), 1, 1, 1, "fix/" + token, "abc", "me", "commit " + token,
        n.runUrl(), Samples.diagnosis(n.severity(), "summary " + token, "use password=hunter22222",
            List.of(new dev.cidoctor.model.Evidence(null, 3, "curl -H token: " + token))), null, 0, "trend " + token, null,
        false, false, n.occurredAt(), null);

    String json = NotificationJson.write(leaky.redacted(Redactor::redact));

    assertThat(json).doesNotContain(token, "hunter22222").contains(Redactor.MASK);
  }
}
