package org.proposalhandling.feedback.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.feedback.internal.FeedbackRepository.Feedback;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemFormListener;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.Satisfaction;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/**
 * 满意度反馈: the proposer's feedback form (征询意见表). The proposer answers through the link in the reply's
 * mail; the assigning office records a returned paper form here. The handling unit never rates itself.
 * A first "not satisfied" sends the item back for re-handling. Feedback through the link has no recorder. The
 * form is the lead proposer's; on a joint item the item's result follows the configured rule ({@link ItemResults}).
 */
@Component("feedbackForm")
class FeedbackForm extends ItemFormListener {

  private static final List<String> RATINGS = List.of("GOOD", "FAIR", "AVERAGE", "POOR");

  private final ReplyRepository replies;
  private final FeedbackRepository feedbacks;
  private final ItemResults results;

  FeedbackForm(ItemRepository items, ReplyRepository replies, FeedbackRepository feedbacks, ItemResults results) {
    super(items);
    this.replies = replies;
    this.feedbacks = feedbacks;
    this.results = results;
  }

  @Override
  protected void prepare(DelegateTask task, Item item) {
    Reply reply = replies.get(item.id(), item.handlingRound());
    Map<String, Object> fields = new HashMap<>();
    fields.put("documentNumber", reply.documentNumber());
    fields.put("replyText", reply.body());
    fields.put("satisfaction", "");
    fields.put("contactRating", "");
    fields.put("attitudeRating", "");
    fields.put("feedbackComments", "");
    fields.put("unsatisfiedReason", "");
    show(task, fields);
  }

  @Override
  protected void complete(DelegateTask task, Item item, FormValues form) {
    Satisfaction satisfaction = Satisfaction.valueOf(form.requiredChoice("satisfaction", "总体评价",
        List.of(Satisfaction.SATISFIED.name(), Satisfaction.BASICALLY_SATISFIED.name(), Satisfaction.UNSATISFIED.name())));
    String contactRating = form.text("contactRating");
    String attitudeRating = form.text("attitudeRating");
    if ((contactRating != null && !RATINGS.contains(contactRating)) || (attitudeRating != null && !RATINGS.contains(attitudeRating))) {
      throw new FormValidationException("评价等级只能是：好、较好、一般、差。");
    }
    String comments = comments(form, satisfaction == Satisfaction.UNSATISFIED);
    if (satisfaction == Satisfaction.UNSATISFIED && comments == null) {
      throw new FormValidationException("选择「不满意」时请填写不满意的理由，承办单位将据此再次办理。");
    }
    feedbacks.save(new Feedback(item.id(), item.handlingRound(), satisfaction, contactRating, attitudeRating,
        comments, currentUser(task), EngineClock.now()));
    lifecycle().feedbackRecorded(item.id(), results.take(item, satisfaction, comments), comments);
  }

  /**
   * The form asks for 不满意的理由 (required) in place of 意见和建议 once 不满意 is chosen; the link's page and
   * REST clients send the reason as 意见和建议.
   */
  private static String comments(FormValues form, boolean unsatisfied) {
    String reason = unsatisfied ? form.optionalText("unsatisfiedReason", "不满意的理由", 4000) : null;
    return reason != null ? reason : form.optionalText("feedbackComments", "意见和建议", 4000);
  }
}
