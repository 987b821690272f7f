package org.proposalhandling.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.proposalhandling.ProposalHandlingApplication;

/**
 * The app in a JVM of its own, on the test JVM's classpath, working in a directory of the test's (so that
 * the default ./data database is the test's): for tests that kill it as a crash would, or watch it refuse
 * to start. Its output goes to a file in that directory.
 */
public final class AppProcess implements AutoCloseable {

  private static final String STARTED = "Started ProposalHandlingApplication";

  private final Process process;
  private final Path directory;
  private final Path output;
  private final int port;

  private AppProcess(Process process, Path directory, Path output, int port) {
    this.process = process;
    this.directory = directory;
    this.output = output;
    this.port = port;
  }

  /** Starts the demo profile in the directory on free ports (HTTP, the demo's SMTP and SMPP catchers). */
  public static AppProcess startDemo(Path directory, String... arguments) {
    return startDemo(directory, freePort(), arguments);
  }

  /** Starts the demo profile in the directory on a free HTTP port and SMPP port, its SMTP catcher on the mail port. */
  public static AppProcess startDemo(Path directory, int mailPort, String... arguments) {
    return start(directory, mailPort, "512m", arguments);
  }

  /** Starts the demo profile in the directory on free ports, in a JVM whose heap is at most this (e.g. "256m"). */
  public static AppProcess startDemoWithHeap(Path directory, String maxHeap, String... arguments) {
    return start(directory, freePort(), maxHeap, arguments);
  }

  private static AppProcess start(Path directory, int mailPort, String maxHeap, String... arguments) {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // A quick start matters more here than peak speed.
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx" + maxHeap,
        // As the documented start command: a JVM whose heap ran out exits rather than live on half-dead.
        "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"), ProposalHandlingApplication.class.getName(),
        "--spring.profiles.active=demo", "--server.port=" + port, "--spring.mail.port=" + mailPort,
        // The demo's SMPP catcher too, so that apps of parallel test runs never meet on its default port.
        "--proposals.sms.port=" + freePort(),
        // The embedded MariaDB's binaries, unpacked once for every test (350 MB), not once per test directory.
        "--proposals.database.embedded.server-directory=" + Path.of("target").toAbsolutePath()));
    command.addAll(List.of(arguments));
    Path output = directory.resolve("app-" + System.nanoTime() + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("ADMIN_PASSWORD", "demo");
    try {
      return new AppProcess(builder.start(), directory, output, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** Waits until the app has started; fails with its output when it exits or takes too long. */
  public AppProcess awaitStarted(Duration timeout) {
    Instant end = Instant.now().plus(timeout);
    while (!output().contains(STARTED)) {
      if (!process.isAlive()) {
        throw new AssertionError("The app exited with " + process.exitValue() + ":\n" + tail());
      }
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("The app did not start within " + timeout + ":\n" + tail());
      }
      sleep(200);
    }
    return this;
  }

  /** Waits for the app to exit by itself; returns its exit code. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("The app did not exit within " + timeout + ":\n" + tail());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * SIGKILL, as kill -9: no shutdown hook, no orderly close. The app's embedded MariaDB server runs on (the next
   * start of the app stops it); a machine's crash is not simulated here (the server flushes each commit).
   */
  public void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(30));
  }

  public String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String tail() {
    String all = output();
    return all.substring(Math.max(0, all.length() - 6000));
  }

  /**
   * Stops the app as a service manager would (SIGTERM: it closes its database), or, if it was killed, the
   * embedded MariaDB server it left running, so that no server outlives the test's directory.
   */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // Only a server no live app holds (its folder's lock free): an app refused on a taken folder leaves the
    // folder's owner and its server alone.
    embeddedDatabase().filter(server -> folderIsFree()).ifPresent(server -> {
      server.destroy();
      server.onExit().join();
    });
  }

  private boolean folderIsFree() {
    Path lockFile = directory.resolve("data/mariadb.lock");
    if (!Files.exists(lockFile)) {
      return true;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
      return lock != null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGKILL to the embedded MariaDB server the app started (or left running when it was killed): a crash of the database. */
  public void killDatabase() {
    embeddedDatabase().ifPresent(server -> {
      server.destroyForcibly();
      server.onExit().join();
    });
  }

  private Optional<ProcessHandle> embeddedDatabase() {
    Path pidFile = directory.resolve("data/mariadb/mariadbd.pid");
    try {
      return Files.exists(pidFile)
          ? ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
              .filter(server -> server.info().command().map(command -> command.endsWith("mariadbd")).orElse(false))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
