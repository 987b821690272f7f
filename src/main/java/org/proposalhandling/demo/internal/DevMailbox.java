package org.proposalhandling.demo.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The demo's local mail catcher: an SMTP server inside the app on spring.mail.port, and the page
 * /dev/mailbox that lists what arrived, links clickable, so that a newcomer can play the official or the
 * proposer from the browser. Outside the demo profile neither exists.
 */
@Controller
@Profile("demo")
class DevMailbox {

  private static final String LISTEN_ADDRESS = "127.0.0.1";

  private final GreenMail smtp;

  DevMailbox(GreenMail smtp) {
    this.smtp = smtp;
  }

  /**
   * Listens where the app's mail sender sends (spring.mail.host and port). GreenMail binds in a thread of its
   * own and, when the port is taken, only says that it did not start in time: the port is tried here first.
   */
  @Bean(initMethod = "start", destroyMethod = "stop")
  static GreenMail devSmtpServer(JavaMailSenderImpl sender) {
    MailPortTaken.check(LISTEN_ADDRESS, sender.getPort());
    return new GreenMail(new ServerSetup(sender.getPort(), LISTEN_ADDRESS, ServerSetup.PROTOCOL_SMTP));
  }

  record Shown(String subject, String to, String cc, Date sent, List<TextPieces.Piece> body) {
  }

  @GetMapping("/dev/mailbox")
  String mailbox(Model model) throws MessagingException, IOException {
    List<Shown> mails = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      mails.add(new Shown(message.getSubject(), addresses(message, Message.RecipientType.TO),
          addresses(message, Message.RecipientType.CC), message.getSentDate(), TextPieces.of(plainText(message))));
    }
    mails.sort(Comparator.comparing(Shown::sent, Comparator.nullsLast(Comparator.naturalOrder())).reversed());
    model.addAttribute("mails", mails);
    return "dev/mailbox";
  }

  private static String addresses(MimeMessage message, Message.RecipientType type) throws MessagingException {
    var addresses = message.getRecipients(type);
    return addresses == null ? "" : String.join("，", Arrays.stream(addresses).map(Object::toString).toList());
  }

  private static String plainText(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = plainText(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }
}
