package org.proposalhandling.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.util.Date;
import org.proposalhandling.link.LinkTokens;
import org.proposalhandling.mail.internal.MailProperties;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one stored mail and records it as sent. A mail already sent is not sent again, so a task fetched
 * twice sends once; only a crash between the SMTP answer and the record can send a mail twice, and then
 * with the same Message-ID. Each thread sends on its own SMTP connection, kept while it has mail to send.
 */
@Component
@EnableConfigurationProperties(MailProperties.class)
class MailDispatch implements Outbox.Dispatch {

  private final JdbcClient jdbc;
  private final JavaMailSenderImpl sender;
  private final MailProperties properties;
  private final LinkTokens links;
  private final AttachmentRenderer attachments;
  private final SmtpConnections connections;

  MailDispatch(JdbcClient jdbc, JavaMailSenderImpl sender, MailProperties properties, LinkTokens links,
               AttachmentRenderer attachments) {
    this.jdbc = jdbc;
    this.sender = sender;
    this.properties = properties;
    this.links = links;
    this.attachments = attachments;
    MimeParts.useAngusStreamProvider();
    NoDelaySockets.use(sender);
    this.connections = new SmtpConnections(sender, properties.mailsPerConnection());
  }

  record Stored(String messageId, String recipient, String copyTo, String subject, String textBody, String htmlBody,
                String attachments, Timestamp sentAt) {
  }

  @Override
  public void send(String id) throws MessagingException {
    Stored mail = jdbc.sql("select message_id, recipient, copy_to, subject, text_body, html_body, attachments, sent_at from mail_message where id = ?")
        .param(id).query(Stored.class).single();
    if (mail.sentAt() != null) {
      return;
    }
    MimeMessage message = new StableIdMessage(sender.getSession(), mail.messageId());
    MimeMessageHelper helper = MimeParts.multipart(message);
    helper.setFrom(properties.from());
    helper.setTo(mail.recipient());
    if (mail.copyTo() != null) {
      helper.setCc(mail.copyTo().split(","));
    }
    helper.setSubject(mail.subject());
    // The mail's Date is the app's clock, as its sent_at is: JavaMail would take the JVM's wall clock.
    message.setSentDate(Date.from(EngineClock.now()));
    // The stored bodies hold placeholders where the links' tokens go: the tokens exist only in the sent mail.
    helper.setText(links.render(mail.textBody()), links.render(mail.htmlBody()));
    // Attachments are rendered now from their stored references, never kept in the outbox.
    for (MailAttachments.Attachment attachment : attachments.render(mail.attachments())) {
      helper.addAttachment(attachment.fileName(), attachment.content(), attachment.contentType());
    }
    connections.send(message);
    jdbc.sql("update mail_message set sent_at = ? where id = ?").params(Timestamp.from(EngineClock.now()), id).update();
  }

  @Override
  public void idle() {
    connections.close();
  }

  /** JavaMail would replace the Message-ID on every send; ours stays the one stored with the mail. */
  private static final class StableIdMessage extends MimeMessage {

    private final String messageId;

    StableIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
