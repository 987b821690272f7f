package org.proposalhandling.demo.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The demo's mail catcher cannot listen because its port is taken (often by a second app started on the
 * same machine). Spring Boot reports it through the analyzer below in one Chinese line, without the stack
 * trace. The analyzer is registered in META-INF/spring.factories.
 */
class MailPortTaken extends IllegalStateException {

  MailPortTaken(int port, IOException cause) {
    super("演示邮件服务器无法启动：端口 " + port + " 已被占用。请用 spring.mail.port（环境变量 SPRING_MAIL_PORT）"
        + "换一个空闲端口，例如 SPRING_MAIL_PORT=" + (port + 1) + " mvn spring-boot:run。", cause);
  }

  /** Throws when the port cannot be bound on the address. */
  static void check(String address, int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getByName(address), port));
    } catch (IOException e) {
      throw new MailPortTaken(port, e);
    }
  }

  static class Analyzer extends AbstractFailureAnalyzer<MailPortTaken> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MailPortTaken cause) {
      return new FailureAnalysis(cause.getMessage(), null, cause);
    }
  }
}
