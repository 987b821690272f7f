package org.proposalhandling.attachment.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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

  void send(FileStore.StoredFile file, HttpServletResponse response) throws IOException {
    store.verify(file);
    response.setContentType(file.mediaType());
    response.setContentLengthLong(file.size());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString());
    store.write(file, response.getOutputStream());
  }
}
