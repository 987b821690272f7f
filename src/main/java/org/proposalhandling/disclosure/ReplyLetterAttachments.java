package org.proposalhandling.disclosure;

import org.proposalhandling.letter.ReplyLetter;
import org.proposalhandling.mail.MailAttachments;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/** The reply letter's PDF as a mail attachment, rendered when the mail is sent. */
@Component
public class ReplyLetterAttachments implements MailAttachments {

  private static final String KIND = "reply-letter";

  private final ReplyLetterSource source;

  ReplyLetterAttachments(ReplyLetterSource source) {
    this.source = source;
  }

  /** The attachment reference of a round's reply letter, for {@link org.proposalhandling.mail.Mail}. */
  public static String reference(String itemId, int round) {
    return MailAttachments.reference(KIND, itemId + ":" + round);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Attachment render(String argument) {
    int colon = argument.lastIndexOf(':');
    String itemId = argument.substring(0, colon);
    int round = Integer.parseInt(argument.substring(colon + 1));
    ReplyLetter letter = source.find(itemId, round)
        .orElseThrow(() -> new IllegalStateException("No signed reply for item " + itemId + " round " + round));
    return new Attachment(ReplyLetterSource.fileName(letter), "application/pdf", new ByteArrayResource(source.pdf(letter)));
  }
}
