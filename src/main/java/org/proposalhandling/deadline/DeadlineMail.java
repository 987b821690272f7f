package org.proposalhandling.deadline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.proposalhandling.directory.People;
import org.proposalhandling.item.Item;
import org.proposalhandling.mail.Mail;
import org.proposalhandling.mail.Mailer;
import org.proposalhandling.workflow.SystemActions;
import org.proposalhandling.item.ItemFormListener;
import org.springframework.stereotype.Component;

/**
 * The mails about deadlines (template mail/deadline-notice): one mail to each member of the groups named,
 * once even if he is in two of them. Key items say so in the subject, so that the assigning office sees
 * them apart in its mailbox.
 */
@Component
class DeadlineMail {

  static final String TEMPLATE = "deadline-notice";
  static final String KEY_ITEM_MARK = ItemFormListener.KEY_ITEM_MARK;

  private final IdentityService identity;
  private final SystemActions system;
  private final Mailer mailer;

  DeadlineMail(IdentityService identity, SystemActions system, Mailer mailer) {
    this.identity = identity;
    this.system = system;
    this.mailer = mailer;
  }

  /**
   * @param heading e.g. 【黄牌提醒】, put before the item's reference in the subject
   * @param message the sentence that says what happened
   * @param facts   label → value lines shown below it, in order
   */
  int send(Item item, Set<String> groups, String heading, String subjectTail, String message, Map<String, Object> facts) {
    Set<String> seen = new LinkedHashSet<>();
    int sent = 0;
    for (String group : groups) {
      List<User> users = system.run(() -> identity.createUserQuery().memberOfGroup(group).list());
      for (User user : users) {
        if (user.getEmail() == null || user.getEmail().isBlank() || !seen.add(user.getId())) {
          continue;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("recipient", People.nameOf(user));
        model.put("reference", item.reference());
        model.put("item", item);
        model.put("keyItem", item.keyItem());
        model.put("message", message);
        model.put("facts", new ArrayList<>(facts.entrySet()));
        String subject = (item.keyItem() ? KEY_ITEM_MARK : "") + heading + item.reference() + subjectTail;
        mailer.send(new Mail(item.id(), TEMPLATE, user.getEmail(), List.of(), subject, model));
        sent++;
      }
    }
    return sent;
  }

}
