package org.proposalhandling.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The app's SMTP connections run without Nagle's algorithm, which held each mail's last line back 40 ms. */
@ModelLayer
class NoDelaySocketsTest {

  @Test
  void theSendersSessionOpensItsSmtpSocketsWithoutNagle() throws Exception {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.getSession(); // a session made before the factory is set is made again

    NoDelaySockets.use(sender);

    Object factory = sender.getSession().getProperties().get(NoDelaySockets.PROPERTY);
    assertThat(factory).isInstanceOf(NoDelaySockets.class);
    try (Socket socket = ((NoDelaySockets) factory).createSocket()) {
      assertThat(socket.getTcpNoDelay()).isTrue();
    }
  }

  @Test
  void mailGoesOutThroughTheseSocketsWithTheAppsTimeouts() throws Exception {
    GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    server.start();
    try {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(server.getSmtp().getPort());
      sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "10000");
      sender.getJavaMailProperties().put("mail.smtp.timeout", "30000");
      sender.getJavaMailProperties().put("mail.smtp.writetimeout", "30000");
      NoDelaySockets.use(sender);
      SimpleMailMessage mail = new SimpleMailMessage();
      mail.setFrom("office@example.org");
      mail.setTo("proposer@example.org");
      mail.setSubject("答复");
      mail.setText("答复已发出。");

      sender.send(mail);

      assertThat(server.getReceivedMessages()).hasSize(1);
      assertThat(server.getReceivedMessages()[0].getSubject()).isEqualTo("答复");
    } finally {
      server.stop();
    }
  }
}
