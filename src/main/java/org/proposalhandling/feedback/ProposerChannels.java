package org.proposalhandling.feedback;

import java.util.Optional;
import org.proposalhandling.item.CoSigner;
import org.proposalhandling.item.Item;
import org.proposalhandling.sms.MobileNumbers;

/**
 * How an item's proposers get its reply and the reminders to answer: the item's rule (the office's choice, or
 * mail where an address is known and SMS where only a mobile number is), applied to the addresses and phones
 * registered; a phone that is no mainland mobile (an office's landline) is not texted.
 */
public final class ProposerChannels {

  private ProposerChannels() {
  }

  /** Whether the reply goes to the lead proposer by mail; if not, the office posts it with the paper form. */
  public static boolean mailsLeadProposer(Item item) {
    return item.mailsProposer(item.proposerEmail(), mobile(item.proposerPhone()));
  }

  /** The lead proposer's mobile number, if he is to be texted. */
  static Optional<String> textsLeadProposer(Item item) {
    String mobile = mobile(item.proposerPhone());
    return item.textsProposer(item.proposerEmail(), mobile) ? Optional.of(mobile) : Optional.empty();
  }

  static boolean mails(Item item, CoSigner coSigner) {
    return item.mailsProposer(coSigner.email(), mobile(coSigner.mobile()));
  }

  /** Whether this co-signer gets the reply and his form on paper only, posted by the office: no mail, no text. */
  static boolean onPaper(Item item, CoSigner coSigner) {
    return !mails(item, coSigner) && texts(item, coSigner).isEmpty();
  }

  static Optional<String> texts(Item item, CoSigner coSigner) {
    String mobile = mobile(coSigner.mobile());
    return item.textsProposer(coSigner.email(), mobile) ? Optional.of(mobile) : Optional.empty();
  }

  private static String mobile(String phone) {
    return MobileNumbers.normalise(phone).orElse(null);
  }
}
