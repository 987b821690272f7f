package org.proposalhandling.intake.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.duplicates.DuplicateCheck;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemFormListener;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/** 立案审查: the assigning office accepts the item, or rejects it with a reason the proposer will read. */
@Component("acceptanceReviewForm")
class AcceptanceReviewForm extends ItemFormListener {

  private final DuplicateCheck duplicates;

  AcceptanceReviewForm(ItemRepository items, DuplicateCheck duplicates) {
    super(items);
    this.duplicates = duplicates;
  }

  @Override
  protected void prepare(DelegateTask task, Item item) {
    // The duplicates among the office's items: the clerk who reviews reads all of them, and no other office's.
    show(task, Map.of(
        "sessionName", item.sessionName(),
        "publicationConsentLabel", item.publicationConsent() ? "同意公开答复" : "不同意公开答复",
        "duplicateCheck", duplicates.of(item.id(), item.sessionName(), item.title(), item.content(),
            Set.of(item.assigningOfficeId())).summary(),
        "decision", "",
        "rejectionReason", ""));
  }

  @Override
  protected void complete(DelegateTask task, Item item, FormValues form) {
    boolean accepted = form.requiredChoice("decision", "审查意见", List.of("accept", "reject")).equals("accept");
    if (accepted) {
      lifecycle().accept(item.id());
    } else {
      String reason = form.optionalText("rejectionReason", "不予立案理由", 2000);
      if (reason == null) {
        throw new FormValidationException("不予立案时须填写理由，理由将告知提出人。");
      }
      lifecycle().reject(item.id(), reason);
    }
  }
}
