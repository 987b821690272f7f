package org.proposalhandling.attachment.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.proposalhandling.attachment.ReplyFiles;
import org.proposalhandling.mail.MailAttachments;
import org.springframework.stereotype.Component;

/**
 * The reply's files, and their rendering as mail attachments ("reply-file:&lt;item&gt;:&lt;file&gt;"): read from
 * the store, checked and streamed a chunk at a time when the mail is sent.
 */
@Component("replyFiles")
class ReplyAttachmentFiles implements ReplyFiles, MailAttachments {

  private static final String KIND = "reply-file";

  private final FileStore store;
  private final FileDownload download;
  private final AttachmentProperties properties;

  ReplyAttachmentFiles(FileStore store, FileDownload download, AttachmentProperties properties) {
    this.store = store;
    this.download = download;
    this.properties = properties;
  }

  @Override
  public List<ReplyFile> of(String itemId, int round) {
    return stored(itemId, round).stream()
        .map(file -> new ReplyFile(file.id(), file.fileName(), file.mediaType(), file.size())).toList();
  }

  @Override
  public Mailing mailing(String itemId, int round) {
    List<String> references = new ArrayList<>();
    List<ReplyFile> attached = new ArrayList<>();
    List<ReplyFile> onPaper = new ArrayList<>();
    long room = properties.maxMailSize().toBytes();
    for (ReplyFile file : of(itemId, round)) {
      if (file.size() <= room) {
        room -= file.size();
        attached.add(file);
        references.add(MailAttachments.reference(KIND, itemId + ":" + file.id()));
      } else {
        onPaper.add(file);
      }
    }
    return new Mailing(references, attached, onPaper);
  }

  @Override
  public boolean download(String itemId, int round, String fileId, HttpServletResponse response) throws IOException {
    Optional<FileStore.StoredFile> file = stored(itemId, round).stream().filter(one -> one.id().equals(fileId)).findFirst();
    if (file.isEmpty()) {
      return false;
    }
    download.send(file.get(), response);
    return true;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Attachment render(String argument) {
    int colon = argument.indexOf(':');
    FileStore.StoredFile file = store.find(argument.substring(0, colon), argument.substring(colon + 1))
        .orElseThrow(() -> new IllegalStateException("No reply file " + argument));
    store.verify(file);
    return new Attachment(file.fileName(), file.mediaType(), () -> store.open(file));
  }

  private List<FileStore.StoredFile> stored(String itemId, int round) {
    return store.of(itemId, STEP, round);
  }
}
