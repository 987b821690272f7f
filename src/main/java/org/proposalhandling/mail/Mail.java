package org.proposalhandling.mail;

import java.util.List;
import java.util.Map;
import org.proposalhandling.workflow.TextLength;

/**
 * A mail to send: the templates mail/&lt;template&gt;.html and .txt rendered with the model.
 * Every value in the model is escaped by the HTML template. The subject is the business key of what the mail
 * is about (an item, a consultation), so that its page can list the mails sent for it.
 * Attachments are references such as "reply-letter:&lt;item&gt;:&lt;round&gt;", stored with the mail and
 * rendered only when it is sent (see {@link MailAttachments}): a stored mail never holds a document's bytes.
 */
public record Mail(String subjectId, String template, String to, List<String> copyTo, String subject,
                   Map<String, Object> model, List<String> attachments) {

  /** A subject names an item by its title, which may have 500 characters: the column holds 500. */
  private static final int SUBJECT_MAX_LENGTH = 200;

  public Mail {
    subject = subject == null ? null : TextLength.abbreviate(subject, SUBJECT_MAX_LENGTH);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** A mail without attachments. */
  public Mail(String subjectId, String template, String to, List<String> copyTo, String subject,
              Map<String, Object> model) {
    this(subjectId, template, to, copyTo, subject, model, List.of());
  }
}
