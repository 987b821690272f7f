package org.proposalhandling.signoff.internal;

import org.proposalhandling.handling.HandlingSummary;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyCategories;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.link.LinkNotice;
import org.proposalhandling.link.LinkToken;
import org.proposalhandling.link.LinkTokens;
import org.proposalhandling.link.LinkedTasks;
import org.proposalhandling.link.SignOffLinkPages;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The official's sign-off links of a reply (see {@link SignOffLinkPages}): the page shows the draft beside
 * the proposal, the co-handling opinions and the contact record, and in re-handling why the proposer was not
 * satisfied and the earlier reply, as the Tasklist sign-off form does.
 */
@Controller
@RequestMapping("/links/sign-off")
class SignOffLinkController extends SignOffLinkPages {

  private final ItemRepository items;
  private final ReplyRepository replies;
  private final HandlingSummary summary;

  SignOffLinkController(LinkTokens tokens, LinkedTasks linkedTasks, TransactionTemplate transaction, ItemRepository items,
                        ReplyRepository replies, HandlingSummary summary) {
    super(SignOffMail.PURPOSE, tokens, linkedTasks, transaction);
    this.items = items;
    this.replies = replies;
    this.summary = summary;
  }

  @Override
  protected String page(Model model, LinkToken link, String decision, String error) {
    Item item = items.get(link.subjectId());
    Reply draft = replies.get(item.id(), item.handlingRound());
    model.addAttribute("item", item);
    model.addAttribute("reference", item.reference());
    model.addAttribute("draft", draft);
    model.addAttribute("category", ReplyCategories.labelOf(draft.category()));
    // What the draft answers, as the Tasklist sign-off form shows it: the official decides from this page alone.
    model.addAttribute("opinions", summary.opinions(item.id()));
    model.addAttribute("contactRecord", summary.contactRecord(item.id(), item.handlingRound()));
    model.addAttribute("rehandling", summary.rehandling(item.id(), item.handlingRound()).orElse(null));
    model.addAttribute("decision", decision);
    model.addAttribute("error", error);
    return "links/sign-off";
  }

  /** The handler who drafted the reply, as the draft names him (承办人, 联系电话). */
  @Override
  protected String whomToCall(LinkToken link) {
    Item item = items.get(link.subjectId());
    return replies.find(item.id(), item.handlingRound())
        .map(draft -> LinkNotice.whomToCall("本单位承办人", draft.handlerName(), draft.handlerPhone())).orElse(null);
  }

  @Override
  protected String approvedMessage() {
    return "答复已签发，系统将编发文字号并送达提出人。";
  }

  @Override
  protected String returnedMessage() {
    return "答复已退回承办人修改，您的意见已转达。修改后将再次发邮件请您签发。";
  }
}
