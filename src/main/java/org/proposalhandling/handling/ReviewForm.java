package org.proposalhandling.handling;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.handling.HandlingRecords.Stage;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.points.PointChecks;
import org.springframework.stereotype.Component;

/** 审核答复: the lead unit's office head checks the draft before it goes to the responsible official. */
@Component("reviewForm")
class ReviewForm extends DraftDecisionForm {

  private final PointChecks pointChecks;

  ReviewForm(ItemRepository items, ReplyRepository replies, HandlingRecords records, HandlingSummary summary,
             PointChecks pointChecks) {
    super(items, replies, records, summary, Stage.REVIEW);
    this.pointChecks = pointChecks;
  }

  /** The head also reads which of the proposal's points the draft seems to miss: a warning, the decision is his. */
  @Override
  protected void prepare(DelegateTask task, Item item) {
    super.prepare(task, item);
    String draft = replies().get(item.id(), item.handlingRound()).body();
    show(task, Map.of("pointsCheck", pointChecks.check(item.content(), draft).line()));
  }

  @Override
  protected void decided(Item item, boolean approved, String comment, String userId) {
    lifecycle().reviewed(item.id(), approved, comment);
  }
}
