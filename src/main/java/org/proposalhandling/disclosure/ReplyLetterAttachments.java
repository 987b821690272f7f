package org.proposalhandling.disclosure;

import org.proposalhandling.item.Item;
import org.proposalhandling.letter.ReplyLetter;
import org.proposalhandling.mail.MailAttachments;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * The reply letter's PDF as a mail attachment, rendered when the mail is sent: the item's letter
 * ("reply-letter:item:round"), or one proposer's own ("reply-letter:item:round:proposer", 0 the lead proposer, else
 * the co-signer's position) when proposals.letter.joint-salutation is EACH.
 */
@Component
@EnableConfigurationProperties(SalutationProperties.class)
public class ReplyLetterAttachments implements MailAttachments {

  private static final String KIND = "reply-letter";

  private final ReplyLetterSource source;
  private final SalutationProperties salutation;

  ReplyLetterAttachments(ReplyLetterSource source, SalutationProperties salutation) {
    this.source = source;
    this.salutation = salutation;
  }

  /** The attachment reference of a round's reply letter, for {@link org.proposalhandling.mail.Mail}. */
  public static String reference(String itemId, int round) {
    return MailAttachments.reference(KIND, itemId + ":" + round);
  }

  /**
   * The letter this proposer's reply mail carries (0 the lead proposer, else the co-signer's position): his own
   * when a joint item's letters address each proposer, else the item's.
   */
  public String referenceFor(Item item, int round, int proposer) {
    if (item.coSigners().isEmpty() || salutation.jointSalutation() == SalutationProperties.JointSalutation.JOINT) {
      return reference(item.id(), round);
    }
    return MailAttachments.reference(KIND, item.id() + ":" + round + ":" + proposer);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Attachment render(String argument) {
    String[] parts = argument.split(":");
    String itemId = parts[0];
    int round = Integer.parseInt(parts[1]);
    ReplyLetter letter = (parts.length > 2 ? source.find(itemId, round, Integer.parseInt(parts[2])) : source.find(itemId, round))
        .orElseThrow(() -> new IllegalStateException("No signed reply for item " + itemId + " round " + round));
    return new Attachment(ReplyLetterSource.fileName(letter), "application/pdf", new ByteArrayResource(source.pdf(letter)));
  }
}
