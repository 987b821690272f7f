package org.proposalhandling.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail threads' SMTP connections: a thread keeps its connection open while it has mail to send, instead of
 * connecting, greeting (EHLO) and quitting for every mail. The demo's catcher answers EHLO in several writes,
 * each held back until the client's delayed acknowledgement: 43 ms a mail, 1,714 times in two minutes of the
 * benchmark's sign-off. A connection is checked (NOOP) before it is used again, used for at most
 * proposals.mail.mails-per-connection mails (servers limit them: Exchange's default is 20), and closed after a
 * failure, whose state it cannot trust, and when its thread finds no mail due.
 */
final class SmtpConnections {

  private final JavaMailSenderImpl sender;
  private final int mailsPerConnection;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  SmtpConnections(JavaMailSenderImpl sender, int mailsPerConnection) {
    this.sender = sender;
    this.mailsPerConnection = mailsPerConnection;
  }

  /** Sends the message on the calling thread's connection, opened now if it has none fit for use. */
  void send(MimeMessage message) throws MessagingException {
    // What Transport.send does first: the headers (Message-ID included, which StableIdMessage keeps as stored).
    message.saveChanges();
    Connection connection = usable();
    try {
      connection.transport.sendMessage(message, message.getAllRecipients());
      connection.sent++;
    } catch (MessagingException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Closes the calling thread's connection, if it has one. */
  void close() {
    Connection connection = current.get();
    current.remove();
    if (connection != null) {
      try {
        connection.transport.close();
      } catch (MessagingException alreadyGone) {
        // Closed by the server or broken: nothing left to release.
      }
    }
  }

  private Connection usable() throws MessagingException {
    Connection connection = current.get();
    if (connection != null && connection.sent < mailsPerConnection && connection.transport.isConnected()) {
      return connection;
    }
    close();
    // As JavaMailSenderImpl connects: its protocol, else the session's, else SMTP; an empty user name or password
    // means none.
    Session session = sender.getSession();
    String protocol = Optional.ofNullable(sender.getProtocol())
        .or(() -> Optional.ofNullable(session.getProperty("mail.transport.protocol"))).orElse("smtp");
    Transport transport = session.getTransport(protocol);
    transport.connect(sender.getHost(), sender.getPort(), emptyToNull(sender.getUsername()), emptyToNull(sender.getPassword()));
    connection = new Connection(transport);
    current.set(connection);
    return connection;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static final class Connection {
    private final Transport transport;
    private int sent;

    private Connection(Transport transport) {
      this.transport = transport;
    }
  }
}
