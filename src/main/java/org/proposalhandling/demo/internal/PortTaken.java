package org.proposalhandling.demo.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * One of the demo's catchers (mail, SMS) cannot listen because its port is taken (often by a second app started
 * on the same machine). Spring Boot reports it through the analyzer below in one Chinese line, without the stack
 * trace. The analyzer is registered in META-INF/spring.factories.
 */
class PortTaken extends IllegalStateException {

  /**
   * @param server the catcher, e.g. 演示邮件服务器
   * @param setting the key that moves it, e.g. spring.mail.port
   * @param variable the environment variable of that key, e.g. SPRING_MAIL_PORT
   */
  PortTaken(String server, String setting, String variable, int port, IOException cause) {
    super(server + "无法启动：端口 " + port + " 已被占用。请用 " + setting + "（环境变量 " + variable + "）"
        + "换一个空闲端口，例如 " + variable + "=" + (port + 1) + " mvn spring-boot:run。", cause);
  }

  /** Throws when the port cannot be bound on the address. */
  static void check(String address, int port, String server, String setting, String variable) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getByName(address), port));
    } catch (IOException e) {
      throw new PortTaken(server, setting, variable, port, e);
    }
  }

  static class Analyzer extends AbstractFailureAnalyzer<PortTaken> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortTaken cause) {
      return new FailureAnalysis(cause.getMessage(), null, cause);
    }
  }
}
