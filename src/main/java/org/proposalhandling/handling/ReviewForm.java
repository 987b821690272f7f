package org.proposalhandling.handling;

import org.proposalhandling.handling.HandlingRecords.Stage;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.springframework.stereotype.Component;

/** 审核答复: the lead unit's office head checks the draft before it goes to the responsible official. */
@Component("reviewForm")
class ReviewForm extends DraftDecisionForm {

  ReviewForm(ItemRepository items, ReplyRepository replies, HandlingRecords records, HandlingSummary summary) {
    super(items, replies, records, summary, Stage.REVIEW);
  }

  @Override
  protected void decided(Item item, boolean approved, String comment, String userId) {
    lifecycle().reviewed(item.id(), approved, comment);
  }
}
