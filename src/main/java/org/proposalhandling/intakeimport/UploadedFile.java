package org.proposalhandling.intakeimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;
import org.springframework.web.multipart.MultipartFile;

/**
 * An upload as a file of its own on disk while it is read, deleted after: the readers stream it (a file read
 * as one byte array, then as one string, took several times its size of heap), and an .xlsx is opened as a zip
 * file, not unpacked into memory.
 */
final class UploadedFile {

  private UploadedFile() {
  }

  static <T> T spooled(MultipartFile upload, Function<Path, T> reader) {
    Path file = null;
    try {
      file = Files.createTempFile("import-", ".upload");
      try (InputStream in = upload.getInputStream()) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return reader.apply(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // Left in the temporary directory; the next start's clean-up or the system's removes it.
        }
      }
    }
  }
}
