package org.proposalhandling.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.proposalhandling.ProposalHandlingApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.GenericWebApplicationContext;

/**
 * An app node as production runs it (job executor on), on the benchmark's database. The first node serves HTTP
 * with the demo's users and SMTP catcher; a second node (two nodes on one MariaDB) runs jobs only.
 */
final class AppNode implements AutoCloseable {

  final ConfigurableApplicationContext context;
  final int port;

  private AppNode(ConfigurableApplicationContext context, int port) {
    this.context = context;
    this.port = port;
  }

  /** The web node: the demo's users and SMTP catcher, HTTP on a free port, the engine named "default". */
  static AppNode startWeb(BenchDatabase database, int smtpPort) {
    return start(database, "default", true, smtpPort, List.of("demo", "bench"), List.of());
  }

  /**
   * A second node on the web node's database, running jobs only. Without the demo profile, whose SMTP catcher
   * the web node's JVM already runs on the port; with the web node's link secret, as every node of one system
   * shares it (the links in the mails this node sends are derived from it).
   */
  static AppNode startJobsOnly(BenchDatabase database, String name, int smtpPort, AppNode web) {
    return start(database, name, false, smtpPort, List.of("bench"), List.of(
        "--proposals.links.secret=" + web.context.getEnvironment().getProperty("proposals.links.secret"),
        "--camunda.bpm.admin-user.password=Bench-Second-Node-Admin-1"));
  }

  private static AppNode start(BenchDatabase database, String engineName, boolean web, int smtpPort, List<String> profiles,
                               List<String> moreArgs) {
    List<String> active = new ArrayList<>(profiles);
    active.add("mysql"); // the benchmark's own database, on the embedded server or another
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=" + database.url("app"),
        // The web node's engine keeps the default name: the engine REST API and Tasklist (at /engine-rest/task)
        // serve the engine called "default", and answer 400 "No process engine available" for any other. Two
        // engines in one JVM need two names.
        "--camunda.bpm.process-engine-name=" + engineName,
        "--camunda.bpm.generic-properties.properties.hostname=" + (web ? "benchA" : engineName),
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort,
        "--server.port=0"));
    args.addAll(moreArgs);
    args.add("--spring.datasource.username=" + database.user());
    args.add("--spring.datasource.password=" + database.password());
    SpringApplicationBuilder builder = new SpringApplicationBuilder(ProposalHandlingApplication.class)
        .profiles(active.toArray(String[]::new)).web(WebApplicationType.SERVLET);
    if (!web) {
      // No second web server in this JVM (the webapps keep state per JVM), as TwoNodesOnOneDatabaseTest does.
      builder.contextFactory(type -> new GenericWebApplicationContext(new MockServletContext()));
    }
    ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new));
    int port = context instanceof WebServerApplicationContext served ? served.getWebServer().getPort() : -1;
    return new AppNode(context, port);
  }

  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
