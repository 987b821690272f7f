package org.proposalhandling.database;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The database: the embedded MariaDB server by default, or the {@code mysql} profile's own server.
 *
 * @param urlParameters the JDBC URL's parameters, for the embedded server and the mysql profile's URL alike
 *     (application.yaml says why each is needed)
 * @param embedded the embedded server
 */
@ConfigurationProperties("proposals.database")
public record DatabaseProperties(@DefaultValue("") String urlParameters, @DefaultValue Embedded embedded) {

  /**
   * The MariaDB server the app starts itself unless the {@code mysql} profile names one.
   *
   * @param enabled whether the app starts its own server (off in the {@code mysql} profile)
   * @param directory where its files live: the server's data, its binaries (unpacked once), the credentials
   * @param serverDirectory where the server's binaries are unpacked; unset: inside the directory. Several
   *     directories may share one.
   * @param port the server's TCP port on 127.0.0.1; 0: a free port at each start
   * @param database the database holding the app's and the engine's tables
   * @param serverOptions further options of {@code mariadbd}, e.g. {@code --innodb-buffer-pool-size=512M}
   */
  public record Embedded(@DefaultValue("true") boolean enabled, @DefaultValue("data") Path directory,
                         Path serverDirectory, @DefaultValue("0") int port,
                         @DefaultValue("proposals") String database, @DefaultValue List<String> serverOptions) {
  }
}
