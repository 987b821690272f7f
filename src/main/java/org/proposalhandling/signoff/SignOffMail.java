package org.proposalhandling.signoff;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.directory.People;
import org.proposalhandling.directory.People.Person;
import org.proposalhandling.directory.Role;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyCategories;
import org.proposalhandling.item.Item;
import org.proposalhandling.link.LinkTokens;
import org.proposalhandling.mail.Mail;
import org.proposalhandling.mail.Mailer;
import org.springframework.stereotype.Component;

/**
 * When a reply reaches sign-off, each responsible official of the lead unit gets a mail with the draft and
 * two links of his own, 同意签发 and 退回修改; the links of an earlier sign-off stop working.
 */
@Component
class SignOffMail {

  static final String PURPOSE = "SIGN_OFF";

  private final People people;
  private final LinkTokens tokens;
  private final Mailer mailer;

  SignOffMail(People people, LinkTokens tokens, Mailer mailer) {
    this.people = people;
    this.tokens = tokens;
    this.mailer = mailer;
  }

  void request(DelegateTask task, Item item, Reply draft, String handlingUnitName) {
    tokens.supersedeOthers(PURPOSE, item.id(), task.getId());
    for (Person official : people.withEmailIn(Role.OFFICIAL.groupOf(item.leadUnitId()))) {
      String link = mailer.publicUrl() + "/links/sign-off/" + tokens.issue(PURPOSE, item.id(), task.getId(), official.id());
      Map<String, Object> model = new HashMap<>();
      model.put("official", official.name());
      model.put("unit", handlingUnitName);
      model.put("item", item);
      model.put("reference", item.reference());
      model.put("category", ReplyCategories.labelOf(draft.category()));
      model.put("reply", draft.body());
      model.put("handler", draft.handler());
      model.put("due", item.replyDue());
      model.put("approveUrl", link + "?action=approve");
      model.put("returnUrl", link + "?action=return");
      mailer.send(new Mail(item.id(), "sign-off", official.email(), List.of(),
          "【待签发】" + item.reference() + "的答复", model));
    }
  }
}
