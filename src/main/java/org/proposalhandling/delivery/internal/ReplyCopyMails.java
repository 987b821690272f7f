package org.proposalhandling.delivery.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.attachment.ReplyFiles;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.disclosure.ReplyCopies;
import org.proposalhandling.disclosure.ReplyCopies.Copy;
import org.proposalhandling.feedback.FeedbackFormSheets;
import org.proposalhandling.feedback.ProposerChannels;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.mail.Mail;
import org.proposalhandling.mail.Mailer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 抄送答复: the delivered reply's copies ({@link ReplyCopies}: the assigning office first, then those
 * proposals.letter.copies names), each to its addresses with the letter and the reply's attachments within the
 * mail limit. A proposer without an e-mail address, or a co-signer neither mailed nor texted, gets the reply on
 * paper: the office's copy carries his own feedback form (征询意见表) too, and the office posts both. A round's copies are written once: the step run again
 * (a retry from Cockpit, a modification) finds its row in reply_copies_written and writes none.
 */
@Component("replyCopyMails")
class ReplyCopyMails implements JavaDelegate {

  private final ItemRepository items;
  private final ReplyRepository replies;
  private final UnitDirectory units;
  private final ReplyCopies copies;
  private final Mailer mailer;
  private final ReplyFiles replyFiles;
  private final JdbcClient jdbc;

  ReplyCopyMails(ItemRepository items, ReplyRepository replies, UnitDirectory units, ReplyCopies copies, Mailer mailer,
                 ReplyFiles replyFiles, JdbcClient jdbc) {
    this.items = items;
    this.replies = replies;
    this.units = units;
    this.copies = copies;
    this.mailer = mailer;
    this.replyFiles = replyFiles;
    this.jdbc = jdbc;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    int round = item.handlingRound();
    if (!firstTime(item.id(), round)) {
      return;
    }
    Reply reply = replies.get(item.id(), round);
    ReplyEnclosures enclosures = ReplyEnclosures.of(item, replyFiles);
    List<Copy> copied = copies.of(item);
    List<String> officeCopy = enclosures.with(enclosures.letter(), !ProposerChannels.mailsLeadProposer(item));
    officeCopy.addAll(FeedbackFormSheets.coSignersOnPaper(item, round));
    copy(item, reply, officeCopy, enclosures, copied.get(0));
    copied.subList(1, copied.size()).forEach(copy -> copy(item, reply, enclosures.with(enclosures.letter(), false), enclosures, copy));
  }

  /** Records this round's copies as written; false when they were, by an earlier run of the step. */
  private boolean firstTime(String itemId, int round) {
    return jdbc.sql("""
            insert into reply_copies_written (item_id, round)
            select ?, ? from dual where not exists (select 1 from reply_copies_written where item_id = ? and round = ?)""")
        .params(itemId, round, itemId, round).update() == 1;
  }

  /** The copy (抄送) to its addresses, listed in the item's timeline with how it fared; none: on paper. */
  private void copy(Item item, Reply reply, List<String> attachments, ReplyEnclosures enclosures, Copy copy) {
    List<String> addresses = copy.emails();
    if (addresses.isEmpty()) {
      return;
    }
    mailer.send(new Mail(item.id(), "reply-copy", addresses.get(0), addresses.subList(1, addresses.size()),
        "【抄送】" + item.reference() + "的答复（" + reply.documentNumber() + "）",
        model(item, reply, enclosures.files()), attachments));
  }

  private Map<String, Object> model(Item item, Reply reply, ReplyFiles.Mailing files) {
    Map<String, Object> model = new HashMap<>(Map.of("item", item, "reference", item.reference(), "reply", reply,
        "unit", units.nameOf(item.leadUnitId())));
    model.put("filesNote", files.note());
    return model;
  }
}
