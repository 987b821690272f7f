package org.proposalhandling.mail;

import org.springframework.core.io.InputStreamSource;

/**
 * Renders the attachments of one kind when their mail is sent, from the reference the mail was stored with
 * ("&lt;kind&gt;:&lt;argument&gt;", e.g. "reply-letter:&lt;item&gt;:1"). Implemented by the feature that owns
 * the document, so that the mail module knows nothing of it.
 */
public interface MailAttachments {

  /** The prefix of the references this renders, e.g. "reply-letter". */
  String kind();

  /** The attachment for the reference's argument (the part after "kind:"). */
  Attachment render(String argument);

  /** An attachment's content is read when the mail is written out, and may be read again on a retry. */
  record Attachment(String fileName, String contentType, InputStreamSource content) {
  }

  /** The reference of an attachment of this kind. */
  static String reference(String kind, String argument) {
    return kind + ":" + argument;
  }
}
