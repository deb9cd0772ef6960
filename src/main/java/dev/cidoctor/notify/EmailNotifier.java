package dev.cidoctor.notify;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Sends a multipart/alternative email (plain text and HTML) over SMTP with Angus Mail. Security is
 * STARTTLS by default and then required (a server that does not offer it is refused, not used in the
 * clear), implicit TLS for port 465, or none for a local relay; login when SMTP_USER is set.
 */
final class EmailNotifier implements Notifier {
  /** How the connection to the SMTP server is protected. */
  enum Security {
    STARTTLS,
    TLS,
    NONE
  }

  private final String host;
  private final int port;
  private final Security security;
  private final String user;
  private final String password;
  private final InternetAddress from;
  private final List<InternetAddress> to;
  private final Properties extra;

  EmailNotifier(String host, int port, Security security, String user, String password, InternetAddress from,
      List<InternetAddress> to, Properties extra) {
    this.host = host;
    this.port = port;
    this.security = security;
    this.user = user;
    this.password = password;
    this.from = from;
    this.to = List.copyOf(to);
    this.extra = extra;
  }

  @Override
  public String channel() {
    return "email";
  }

  @Override
  public void send(Notification n) {
    Properties p = new Properties();
    p.put("mail.smtp.host", host);
    p.put("mail.smtp.port", String.valueOf(port));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "10000");
    p.put("mail.smtp.writetimeout", "10000");
    p.put("mail.smtp.auth", String.valueOf(user != null));
    switch (security) {
      case STARTTLS -> {
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
      }
      case TLS -> p.put("mail.smtp.ssl.enable", "true");
      case NONE -> { }
    }
    p.put("mail.smtp.ssl.checkserveridentity", "true");
    p.putAll(extra);
    Session session = Session.getInstance(p);
    try {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(from);
      m.setRecipients(Message.RecipientType.TO, to.toArray(new InternetAddress[0]));
      m.setSubject(EmailBody.subject(n), "UTF-8");
      m.setHeader("Auto-Submitted", "auto-generated");
      m.setHeader("X-Cidoctor-Key", n.key(channel()));
      MimeBodyPart text = new MimeBodyPart();
      text.setText(EmailBody.text(n), "UTF-8", "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(EmailBody.html(n), "UTF-8", "html");
      MimeMultipart alternative = new MimeMultipart("alternative", text, html);
      m.setContent(alternative);
      if (user == null) {
        Transport.send(m);
      } else {
        Transport.send(m, user, password);
      }
    } catch (AuthenticationFailedException e) {
      throw new NotifyException(NotifyException.Reason.REJECTED, channel(), 0,
          "Cannot deliver to email: " + host + ":" + port + " refused the login of SMTP_USER; check SMTP_USER and SMTP_PASSWORD.",
          List.of(), e);
    } catch (SendFailedException e) {
      throw new NotifyException(NotifyException.Reason.REJECTED, channel(), 0,
          "Cannot deliver to email: " + host + ":" + port + " refused the message (" + Text.cut(Text.oneLine(e.getMessage()), 200) + ").",
          List.of(), e);
    } catch (MessagingException e) {
      String why = Text.oneLine(String.valueOf(e.getMessage()));
      if (why.toLowerCase(Locale.ROOT).contains("starttls")) {
        why = "it does not offer STARTTLS; use SMTP_SECURITY=tls for port 465, or none only for a trusted local relay";
      }
      throw new NotifyException(NotifyException.Reason.UNAVAILABLE, channel(), 0,
          "Cannot deliver to email through " + host + ":" + port + ": " + Text.cut(why, 300) + ".", List.of(), e);
    }
  }
}
