package org.proposalhandling.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mail thread sends its mails on one SMTP connection, to a real server (GreenMail), counting the connections
 * its session opens: one for several mails, a new one after the limit, after the thread went idle and when the
 * server dropped the kept one (the mail still goes out).
 */
@ModelLayer
class SmtpConnectionsTest {

  final CountingSockets sockets = new CountingSockets();
  GreenMail server;
  JavaMailSenderImpl sender;

  @BeforeEach
  void startServer() {
    server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    server.start();
    sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(server.getSmtp().getPort());
    sender.getJavaMailProperties().put("mail.smtp.socketFactory", sockets);
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  @Test
  void aThreadSendsItsMailsOnOneConnection() throws Exception {
    SmtpConnections connections = new SmtpConnections(sender, 20);

    connections.send(mail("甲", "a@example.org"));
    connections.send(mail("乙", "b@example.org"));
    connections.send(mail("丙", "c@example.org"));
    connections.close();

    assertThat(sockets.opened.get()).isEqualTo(1);
    assertThat(Arrays.stream(server.getReceivedMessages()).map(this::subjectAndRecipient))
        .containsExactly("甲 a@example.org", "乙 b@example.org", "丙 c@example.org");
  }

  @Test
  void aConnectionCarriesAtMostItsLimit() throws Exception {
    SmtpConnections connections = new SmtpConnections(sender, 2);

    for (int i = 0; i < 5; i++) {
      connections.send(mail("第" + i + "封", "a@example.org"));
    }
    connections.close();

    assertThat(sockets.opened.get()).isEqualTo(3);
    assertThat(server.getReceivedMessages()).hasSize(5);
  }

  @Test
  void anIdleThreadLetsItsConnectionGo() throws Exception {
    SmtpConnections connections = new SmtpConnections(sender, 20);

    connections.send(mail("甲", "a@example.org"));
    connections.close();
    connections.send(mail("乙", "a@example.org"));
    connections.close();

    assertThat(sockets.opened.get()).isEqualTo(2);
  }

  @Test
  void aConnectionTheServerDroppedIsReplacedBeforeTheMailGoesOut() throws Exception {
    SmtpConnections connections = new SmtpConnections(sender, 20);
    connections.send(mail("甲", "a@example.org"));

    int port = server.getSmtp().getPort();
    server.stop();
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    connections.send(mail("乙", "b@example.org"));
    connections.close();

    assertThat(sockets.opened.get()).isEqualTo(2);
    assertThat(Arrays.stream(server.getReceivedMessages()).map(this::subjectAndRecipient)).containsExactly("乙 b@example.org");
  }

  private MimeMessage mail(String subject, String to) throws Exception {
    MimeMessage message = new MimeMessage(sender.getSession());
    message.setFrom(new InternetAddress("office@example.org"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    message.setSubject(subject, "UTF-8");
    message.setText("答复已发出。", "UTF-8");
    return message;
  }

  private String subjectAndRecipient(MimeMessage message) {
    try {
      return message.getSubject() + " " + message.getAllRecipients()[0];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The session's SMTP sockets, counted as they are made. */
  static final class CountingSockets extends SocketFactory {
    final AtomicInteger opened = new AtomicInteger();

    @Override
    public Socket createSocket() {
      opened.incrementAndGet();
      return new Socket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      opened.incrementAndGet();
      return new Socket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      opened.incrementAndGet();
      return new Socket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      opened.incrementAndGet();
      return new Socket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      opened.incrementAndGet();
      return new Socket(address, port, localAddress, localPort);
    }
  }
}
