package org.proposalhandling.feedback;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.item.Item;
import org.proposalhandling.link.LinkTokens;
import org.proposalhandling.mail.Mail;
import org.proposalhandling.mail.Mailer;
import org.springframework.stereotype.Component;

/**
 * The reply goes to the proposer with the feedback form's link (征询意见表), and one reminder if no answer
 * comes. A proposer without an e-mail address answers on paper, recorded by the assigning office.
 */
@Component
class FeedbackMail {

  static final String PURPOSE = "FEEDBACK";

  private final LinkTokens tokens;
  private final Mailer mailer;

  FeedbackMail(LinkTokens tokens, Mailer mailer) {
    this.tokens = tokens;
    this.mailer = mailer;
  }

  void sendReply(String feedbackTaskId, Item item, Reply reply) {
    tokens.supersedeOthers(PURPOSE, item.id(), feedbackTaskId);
    send("reply", "【答复】" + item.reference() + "的答复", feedbackTaskId, item, reply);
  }

  void remind(String feedbackTaskId, Item item, Reply reply) {
    send("feedback-reminder", "【请反馈】" + item.reference() + "的答复征询意见", feedbackTaskId, item, reply);
  }

  private void send(String template, String subject, String feedbackTaskId, Item item, Reply reply) {
    if (item.proposerEmail() == null) {
      return;
    }
    Map<String, Object> model = new HashMap<>();
    model.put("item", item);
    model.put("reference", item.reference());
    model.put("reply", reply);
    model.put("feedbackUrl", mailer.publicUrl() + "/links/feedback/"
        + tokens.issue(PURPOSE, item.id(), feedbackTaskId, item.proposerEmail()));
    mailer.send(new Mail(item.id(), template, item.proposerEmail(), List.of(), subject, model));
  }
}
