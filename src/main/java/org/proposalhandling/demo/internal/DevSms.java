package org.proposalhandling.demo.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.proposalhandling.sms.SmppCatcher;
import org.proposalhandling.sms.SmsSender;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The demo's SMS gateway: an SMPP server inside the app on proposals.sms.port that catches every text and
 * answers with delivery receipts, and the page /dev/sms that lists the texts, links clickable, as /dev/mailbox
 * lists the mails. Outside the demo profile neither exists.
 */
@Controller
@Profile("demo")
class DevSms {

  private final SmppCatcher gateway;

  DevSms(SmppCatcher gateway) {
    this.gateway = gateway;
  }

  @Bean(destroyMethod = "close")
  static SmppCatcher devSmsGateway(SmsSender sender) throws IOException {
    int port = sender.gatewayPort();
    PortTaken.check("127.0.0.1", port, "演示短信网关", "proposals.sms.port", "PROPOSALS_SMS_PORT");
    return new SmppCatcher(port);
  }

  record Shown(String to, Instant received, int segments, List<TextPieces.Piece> body) {
  }

  @GetMapping("/dev/sms")
  String texts(Model model) {
    model.addAttribute("texts", gateway.caught().stream()
        .sorted(Comparator.comparing(SmppCatcher.Caught::at).reversed())
        .map(text -> new Shown(text.to(), text.at(), text.segments(), TextPieces.of(text.text())))
        .toList());
    return "dev/sms";
  }
}
