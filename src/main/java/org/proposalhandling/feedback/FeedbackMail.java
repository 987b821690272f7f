package org.proposalhandling.feedback;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.item.CoSigner;
import org.proposalhandling.item.Item;
import org.proposalhandling.link.LinkTokens;
import org.proposalhandling.mail.Mail;
import org.proposalhandling.mail.Mailer;
import org.springframework.stereotype.Component;

/**
 * The reply goes to the proposer with the feedback form's link (征询意见表), and one reminder if no answer
 * comes; the link completes the feedback task that follows the delivery. A proposer without an e-mail
 * address answers on paper, recorded by the assigning office.
 */
@Component
public class FeedbackMail {

  static final String PURPOSE = "FEEDBACK";
  static final String FEEDBACK_TASK = "Task_Feedback";
  static final String CO_SIGNER_PURPOSE = "FEEDBACK_CO_SIGNER";

  private final LinkTokens tokens;
  private final Mailer mailer;

  FeedbackMail(LinkTokens tokens, Mailer mailer) {
    this.tokens = tokens;
    this.mailer = mailer;
  }

  /**
   * The delivered reply, with a new link to the feedback form, to the proposer and to each co-signer with an e-mail
   * address, each with his own link and the documents attached for him (by proposer: 0 the lead proposer, else the
   * co-signer's position), and the line on its attachments (null: none); earlier links stop working.
   */
  public void sendReply(Item item, Reply reply, IntFunction<List<String>> attachments, String filesNote) {
    tokens.supersede(PURPOSE, item.id());
    tokens.supersede(CO_SIGNER_PURPOSE, item.id());
    String subject = (item.handlingRound() > 1 ? "【答复】【再次办理】" : "【答复】") + item.reference() + "的答复";
    send("reply", subject, item, reply, attachments.apply(0), filesNote);
    for (CoSigner coSigner : item.coSigners()) {
      if (ProposerChannels.mails(item, coSigner)) {
        Map<String, Object> model = new HashMap<>();
        model.put("item", item);
        model.put("reference", item.reference());
        model.put("reply", reply);
        model.put("coSigner", coSigner);
        model.put("filesNote", filesNote);
        model.put("feedbackUrl", mailer.publicUrl() + "/links/co-signer-feedback/" + tokens.issue(CO_SIGNER_PURPOSE, item.id(),
            FEEDBACK_TASK, CoSignerLink.holder(coSigner.position(), reply.round())));
        mailer.send(new Mail(item.id(), "co-signer-reply", coSigner.email(), List.of(), subject, model,
            attachments.apply(coSigner.position())));
      }
    }
  }

  void remind(Item item, Reply reply) {
    send("feedback-reminder", "【请反馈】" + item.reference() + "的答复征询意见", item, reply, List.of(), null);
  }

  private void send(String template, String subject, Item item, Reply reply, List<String> attachments,
                    String filesNote) {
    if (!ProposerChannels.mailsLeadProposer(item)) {
      return;
    }
    Map<String, Object> model = new HashMap<>();
    model.put("item", item);
    model.put("reference", item.reference());
    model.put("reply", reply);
    model.put("filesNote", filesNote);
    model.put("feedbackUrl", mailer.publicUrl() + "/links/feedback/"
        + tokens.issue(PURPOSE, item.id(), FEEDBACK_TASK, item.proposerEmail()));
    mailer.send(new Mail(item.id(), template, item.proposerEmail(), List.of(), subject, model, attachments));
  }
}
