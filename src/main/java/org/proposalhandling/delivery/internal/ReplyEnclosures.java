package org.proposalhandling.delivery.internal;

import java.util.ArrayList;
import java.util.List;
import org.proposalhandling.attachment.ReplyFiles;
import org.proposalhandling.disclosure.ReplyLetterAttachments;
import org.proposalhandling.feedback.FeedbackFormSheets;
import org.proposalhandling.item.Item;

/**
 * What the mails of a round's reply carry: a letter, the reply's attachments within the mail limit (the others
 * named in the note as going on paper), and the feedback form (征询意见表) where it goes on paper.
 */
record ReplyEnclosures(String letter, ReplyFiles.Mailing files, String form) {

  static ReplyEnclosures of(Item item, ReplyFiles replyFiles) {
    int round = item.handlingRound();
    return new ReplyEnclosures(ReplyLetterAttachments.reference(item.id(), round), replyFiles.mailing(item.id(), round),
        FeedbackFormSheets.reference(item.id(), round));
  }

  /** The attachment references of a mail with this letter, and the form when it is asked. */
  List<String> with(String letterReference, boolean withForm) {
    List<String> references = new ArrayList<>(List.of(letterReference));
    references.addAll(files.references());
    if (withForm) {
      references.add(form);
    }
    return references;
  }
}
