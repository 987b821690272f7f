package org.proposalhandling.attachment.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/** One stored file as a download: checked, typed, sized and named (RFC 5987, so that Chinese names arrive whole). */
@Component
class FileDownload {

  private final FileStore store;

  FileDownload(FileStore store) {
    this.store = store;
  }

  /**
   * Sends the file as it is read and checked ({@link FileStore#read}). One that no longer matches its SHA-256 is
   * refused with the Chinese page while nothing of it is out yet (a file of one chunk); once the answer has begun,
   * the connection breaks off short of the Content-Length, which the browser reports as a failed download.
   */
  void send(FileStore.StoredFile file, HttpServletResponse response) throws IOException {
    response.setContentType(file.mediaType());
    response.setContentLengthLong(file.size());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString());
    OutputStream out = response.getOutputStream();
    try {
      store.read(file, out::write);
    } catch (AttachmentRefusedException mismatch) {
      if (!response.isCommitted()) {
        response.reset();
        throw mismatch;
      }
      throw new IOException("Item file " + file.id() + " broken off: its content no longer matches its SHA-256", mismatch);
    }
  }
}
