package org.proposalhandling.demo.internal;

/** The demo's mail catcher cannot listen because its port is taken ({@link PortTaken}). */
final class MailPortTaken {

  private MailPortTaken() {
  }

  /** Throws when the port cannot be bound on the address. */
  static void check(String address, int port) {
    PortTaken.check(address, port, "演示邮件服务器", "spring.mail.port", "SPRING_MAIL_PORT");
  }
}
