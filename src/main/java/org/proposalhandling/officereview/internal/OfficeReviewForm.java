package org.proposalhandling.officereview.internal;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.handling.DraftDecisionForm;
import org.proposalhandling.handling.HandlingRecords;
import org.proposalhandling.handling.HandlingRecords.Stage;
import org.proposalhandling.handling.HandlingSummary;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyCategories;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/**
 * 督办审核: the assigning office reads the signed, numbered reply before it leaves; it approves it, may correct
 * its category (with a reason, kept in the history; the letter and the statistics then read the corrected one),
 * or returns it to the lead unit's drafting with a comment. The reply keeps its document number when it is
 * signed again ({@code DocumentNumbering} keeps a number once given).
 */
@Component("officeReviewForm")
class OfficeReviewForm extends DraftDecisionForm {

  private final ReplyCategories categories;
  private final CategoryCorrections corrections;

  OfficeReviewForm(ItemRepository items, ReplyRepository replies, HandlingRecords records, HandlingSummary summary,
                   ReplyCategories categories, CategoryCorrections corrections) {
    super(items, replies, records, summary, Stage.OFFICE_REVIEW);
    this.categories = categories;
    this.corrections = corrections;
  }

  @Override
  protected void prepare(DelegateTask task, Item item) {
    lifecycle().officeReviewStarted(item.id());
    super.prepare(task, item);
    Reply reply = replies().get(item.id(), item.handlingRound());
    show(task, Map.of(
        "documentNumber", reply.documentNumber(),
        "category", reply.category(),
        "categoryReason", ""));
    task.setVariableLocal("categoryOptions", categories.formOptions(item.kind()));
  }

  @Override
  protected void complete(DelegateTask task, Item item, FormValues form) {
    Reply reply = replies().get(item.id(), item.handlingRound());
    String category = form.requiredChoice("category", "答复类别", categories.of(item.kind()));
    if (!category.equals(reply.category())) {
      String reason = form.optionalText("categoryReason", "更正理由", 4000);
      if (reason == null) {
        throw new FormValidationException("更正答复类别时须填写更正理由，理由将记入办理过程。");
      }
      replies().correctCategory(item.id(), item.handlingRound(), category);
      corrections.save(item.id(), item.handlingRound(), reply.category(), category, reason, currentUser(task),
          EngineClock.now());
      lifecycle().record(item.id(), ItemEventKind.CATEGORY_CORRECTED, "由" + ReplyCategories.labelOf(reply.category())
          + "更正为" + ReplyCategories.labelOf(category) + "；理由：" + reason);
    }
    super.complete(task, item, form);
  }

  @Override
  protected void decided(Item item, boolean approved, String comment, String userId) {
    lifecycle().officeReviewed(item.id(), approved, comment);
  }
}
