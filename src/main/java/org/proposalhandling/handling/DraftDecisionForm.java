package org.proposalhandling.handling;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.handling.HandlingRecords.Stage;
import org.proposalhandling.handling.HandlingSummary.Rehandling;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemFormListener;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.FormValues;

/**
 * A step that approves the draft reply or sends it back to drafting with a comment the drafter will read:
 * the office head's review and the responsible official's sign-off. Beside the draft the form shows what it
 * answers: the proposal (in the item's header), the co-handling opinions and the contact record, and in
 * re-handling the proposer's reason for 不满意 and the earlier round's reply (forms/parts/rehandling.json).
 */
public abstract class DraftDecisionForm extends ItemFormListener {

  private final ReplyRepository replies;
  private final HandlingRecords records;
  private final HandlingSummary summary;
  private final Stage stage;

  protected DraftDecisionForm(ItemRepository items, ReplyRepository replies, HandlingRecords records,
                              HandlingSummary summary, Stage stage) {
    super(items);
    this.replies = replies;
    this.records = records;
    this.summary = summary;
    this.stage = stage;
  }

  @Override
  protected void prepare(DelegateTask task, Item item) {
    Reply draft = replies.get(item.id(), item.handlingRound());
    Map<String, Object> fields = new HashMap<>();
    fields.put("replyText", draft.body());
    fields.put("categoryLabel", ReplyCategories.labelOf(draft.category()));
    fields.put("disclosureLabel", Disclosure.labelOf(draft.disclosure()));
    fields.put("handler", draft.handler());
    fields.put("coHandlingOpinions", summary.opinionsText(item.id()));
    fields.put("contactRecord", summary.contactRecord(item.id(), item.handlingRound()));
    // A draft handled again answers the proposer's 不满意: what he was told before and why it did not satisfy him.
    Optional<Rehandling> rehandling = summary.rehandling(item.id(), item.handlingRound());
    fields.put("rehandlingHeading", rehandling.map(Rehandling::heading).orElse(""));
    fields.put("proposerReason", rehandling.map(Rehandling::proposerReason).orElse(""));
    fields.put("earlierReplyNumber", rehandling.map(earlier -> earlier.earlierReply().documentNumber()).orElse(""));
    fields.put("earlierReplyText", rehandling.map(earlier -> earlier.earlierReply().body()).orElse(""));
    fields.put("decision", "");
    fields.put("comment", "");
    show(task, fields);
  }

  @Override
  protected void complete(DelegateTask task, Item item, FormValues form) {
    boolean approved = form.requiredChoice("decision", "意见", List.of("approve", "return")).equals("approve");
    String comment = form.optionalText("comment", "意见说明", 4000);
    if (!approved && comment == null) {
      throw new FormValidationException("退回修改时须填写意见说明，起草人将据此修改。");
    }
    String user = currentUser(task);
    records.saveNote(item.id(), item.handlingRound(), stage, approved, comment, user, EngineClock.now());
    decided(item, approved, comment, user);
  }

  /** Records the decision on the item: the process routes on the stage it leads to. */
  protected abstract void decided(Item item, boolean approved, String comment, String userId);

  protected ReplyRepository replies() {
    return replies;
  }
}
