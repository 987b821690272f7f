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
 * An app node as production runs it (job executor on, the demo's users and SMTP catcher), on the benchmark's
 * database. The first node serves HTTP on a free port; a second node (two nodes on one MariaDB) runs jobs only,
 * under an engine name of its own (two engines in one JVM need two names).
 */
final class AppNode implements AutoCloseable {

  final ConfigurableApplicationContext context;
  final int port;

  private AppNode(ConfigurableApplicationContext context, int port) {
    this.context = context;
    this.port = port;
  }

  static AppNode start(BenchDatabase database, String name, boolean web, int smtpPort) {
    List<String> profiles = new ArrayList<>(List.of("demo", "bench"));
    if (database.mariaDb()) {
      profiles.add("mysql");
    }
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=" + database.url("app"),
        // The web node's engine keeps the default name: the engine REST API and Tasklist (at /engine-rest/task)
        // serve the engine called "default", and answer 400 "No process engine available" for any other.
        "--camunda.bpm.process-engine-name=" + (web ? "default" : name),
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort,
        "--server.port=0"));
    if (database.mariaDb()) {
      args.add("--spring.datasource.username=" + database.user());
      args.add("--spring.datasource.password=" + database.password());
    }
    SpringApplicationBuilder builder = new SpringApplicationBuilder(ProposalHandlingApplication.class)
        .profiles(profiles.toArray(String[]::new)).web(WebApplicationType.SERVLET);
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
