package dev.cidoctor.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.cidoctor.testing.Golden;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sends real mail to a real SMTP server (GreenMail) on loopback, over plain SMTP and implicit TLS. */
class EmailNotifierTest {
  private GreenMail mail;

  @BeforeEach
  void start() {
    mail = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()});
    mail.start();
    mail.setUser("bot@example.com", "bot", "s3cret");
  }

  @AfterEach
  void stop() {
    mail.stop();
  }

  private EmailNotifier notifier(int port, EmailNotifier.Security security, String password) throws Exception {
    Properties trustLoopback = new Properties();
    trustLoopback.put("mail.smtp.ssl.trust", "127.0.0.1");
    trustLoopback.put("mail.smtp.ssl.checkserveridentity", "false");
    return new EmailNotifier("127.0.0.1", port, security, "bot", password, new InternetAddress("cidoctor@example.com"),
        List.of(new InternetAddress("team@example.com"), new InternetAddress("lead@example.com")), trustLoopback);
  }

  @Test
  void render_seedExample_matchesGolden() {
    Golden.assertMatches("notify.email.failure.txt", EmailBody.subject(Samples.failure()) + "\n\n" + EmailBody.text(Samples.failure()));
    Golden.assertMatches("notify.email.failure.html", EmailBody.html(Samples.failure()));
  }

  @Test
  void send_implicitTlsWithLogin_deliversPlainAndHtmlParts() throws Exception {
    notifier(mail.getSmtps().getPort(), EmailNotifier.Security.TLS, "s3cret").send(Samples.failure());

    MimeMessage[] received = mail.getReceivedMessages();
    assertThat(received).hasSize(2);
    MimeMessage m = received[0];
    assertThat(m.getSubject()).isEqualTo(EmailBody.subject(Samples.failure()));
    assertThat(m.getHeader("X-Cidoctor-Key")[0]).isEqualTo("email:octo/app#9876543210.1:failure");
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo(EmailBody.text(Samples.failure()));
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat((String) parts.getBodyPart(1).getContent()).contains("<h3>Root cause</h3>");
  }

  @Test
  void send_startTlsRequiredButNotOffered_refusesToSendInTheClear() throws Exception {
    EmailNotifier n = notifier(mail.getSmtp().getPort(), EmailNotifier.Security.STARTTLS, "s3cret");

    assertThatThrownBy(() -> n.send(Samples.failure())).isInstanceOfSatisfying(NotifyException.class, e ->
        assertThat(e.getMessage()).isEqualTo("Cannot deliver to email through 127.0.0.1:" + mail.getSmtp().getPort()
            + ": it does not offer STARTTLS; use SMTP_SECURITY=tls for port 465, or none only for a trusted local relay."));
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void send_wrongPassword_failsNamingTheKeysNotThePassword() throws Exception {
    EmailNotifier n = notifier(mail.getSmtp().getPort(), EmailNotifier.Security.NONE, "wrong-password");

    assertThatThrownBy(() -> n.send(Samples.failure())).isInstanceOfSatisfying(NotifyException.class, e -> {
      assertThat(e.getMessage()).isEqualTo("Cannot deliver to email: 127.0.0.1:" + mail.getSmtp().getPort()
          + " refused the login of SMTP_USER; check SMTP_USER and SMTP_PASSWORD.");
      assertThat(e.retryable()).isFalse();
    });
  }

  @Test
  void send_hostileText_isEscapedInHtmlAndSubjectStaysOneLine() throws Exception {
    notifier(mail.getSmtp().getPort(), EmailNotifier.Security.NONE, "s3cret").send(Samples.hostile());

    MimeMessage m = mail.getReceivedMessages()[0];
    assertThat(m.getSubject()).doesNotContain("\n", "\r");
    String html = (String) ((MimeMultipart) m.getContent()).getBodyPart(1).getContent();
    assertThat(html).doesNotContain("<script", "<b>html", "<https://evil").contains("&lt;script&gt;");
    assertThat(html.replaceAll("<a href=\"https://github.com/octo/app/actions/runs/5\">", "")).doesNotContain("<a ");
  }
}
