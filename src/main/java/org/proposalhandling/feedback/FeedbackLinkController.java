package org.proposalhandling.feedback;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.feedback.internal.FeedbackRepository;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.link.LinkNotice;
import org.proposalhandling.link.LinkToken;
import org.proposalhandling.link.LinkTokens;
import org.proposalhandling.link.LinkedTasks;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The proposer's feedback link: the reply, where the item stands, and the feedback form (征询意见表) while it
 * is open. Opening it (GET) changes nothing; the form's POST records the feedback once and moves the
 * process on. The link works as long as the feedback task is open (the feedback period and its grace). After
 * answering, the same link still shows the progress and what was recorded; once the task ended otherwise
 * (answered on paper, 未反馈 recorded) it has expired. Both name the handler to call, as the reply does.
 */
@Controller
class FeedbackLinkController {

  private final LinkTokens tokens;
  private final LinkedTasks linkedTasks;
  private final ItemRepository items;
  private final ReplyRepository replies;
  private final FeedbackRepository feedbacks;
  private final ItemProgress progress;
  private final UnitDirectory units;
  private final FormService forms;
  private final TransactionTemplate transaction;

  FeedbackLinkController(LinkTokens tokens, LinkedTasks linkedTasks, ItemRepository items, ReplyRepository replies,
                         FeedbackRepository feedbacks, ItemProgress progress, UnitDirectory units, FormService forms,
                         TransactionTemplate transaction) {
    this.tokens = tokens;
    this.linkedTasks = linkedTasks;
    this.items = items;
    this.replies = replies;
    this.feedbacks = feedbacks;
    this.progress = progress;
    this.units = units;
    this.forms = forms;
    this.transaction = transaction;
  }

  @GetMapping("/links/feedback/{token}")
  String show(@PathVariable String token, Model model, HttpServletResponse response) {
    LinkToken link = linkedTasks.read(FeedbackMail.PURPOSE, token);
    if (!viewable(link)) {
      return notice(link, model, response);
    }
    return page(model, link, null);
  }

  @PostMapping("/links/feedback/{token}")
  String answer(@PathVariable String token, @RequestParam(required = false) String satisfaction,
                @RequestParam(required = false) String contactRating, @RequestParam(required = false) String attitudeRating,
                @RequestParam(required = false) String comments, Model model, HttpServletResponse response) {
    LinkToken link = linkedTasks.read(FeedbackMail.PURPOSE, token);
    if (!viewable(link)) {
      return notice(link, model, response);
    }
    try {
      Boolean recorded = transaction.execute(status -> record(token, satisfaction, contactRating, attitudeRating, comments));
      if (!Boolean.TRUE.equals(recorded)) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.addAttribute("notice", "您已经反馈过，不能重复提交。以下是已记录的意见。");
      } else {
        model.addAttribute("notice", "感谢您的反馈，意见已经记录。");
      }
    } catch (ProcessEngineException e) {
      FormValidationException refused = FormValidationException.findIn(e);
      if (refused == null) {
        throw e;
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(model, link, refused.getMessage());
    }
    return page(model, linkedTasks.read(FeedbackMail.PURPOSE, token), null);
  }

  /** Uses the token and completes the feedback task; false when the form was already answered. */
  private boolean record(String token, String satisfaction, String contactRating, String attitudeRating, String comments) {
    LinkToken link = linkedTasks.read(FeedbackMail.PURPOSE, token);
    if (!link.valid() || !tokens.consume(link)) {
      return false;
    }
    Map<String, Object> form = new HashMap<>();
    form.put("satisfaction", satisfaction);
    form.put("contactRating", contactRating);
    form.put("attitudeRating", attitudeRating);
    form.put("feedbackComments", comments);
    forms.submitTaskForm(linkedTasks.openTask(link).getId(), form);
    return true;
  }

  /** A used link still shows the progress and the answer; an expired, superseded or unknown one does not. */
  private static boolean viewable(LinkToken link) {
    return link.state() == LinkToken.State.VALID || link.state() == LinkToken.State.USED;
  }

  private String notice(LinkToken link, Model model, HttpServletResponse response) {
    LinkNotice notice = LinkNotice.of(link);
    response.setStatus(notice.status().value());
    return notice.withContact(link.subjectId() == null ? null : whomToCall(items.get(link.subjectId()))).render(model);
  }

  private String page(Model model, LinkToken link, String error) {
    Item item = items.get(link.subjectId());
    model.addAttribute("item", item);
    model.addAttribute("reference", item.reference());
    model.addAttribute("progress", progress.of(item));
    model.addAttribute("reply", deliveredReply(item).orElse(null));
    model.addAttribute("formOpen", link.valid());
    // Staff are named only once the form is closed: whom to call then, as the reply letter names him.
    model.addAttribute("contact", link.valid() ? null : whomToCall(item));
    // Each answer under the round it rated: in re-handling the page shows the second reply beside the first 不满意.
    model.addAttribute("answers", feedbacks.all(item.id()));
    model.addAttribute("error", error);
    return "links/feedback";
  }

  /** The reply the proposer has: this round's once delivered, else the last round's. */
  private Optional<Reply> deliveredReply(Item item) {
    return replies.find(item.id(), item.handlingRound())
        .filter(reply -> reply.deliveredAt() != null)
        .or(() -> replies.find(item.id(), item.handlingRound() - 1));
  }

  /** The handler (承办人) and his phone as the delivered reply gives them, in the lead unit's name. */
  private String whomToCall(Item item) {
    return deliveredReply(item)
        .map(reply -> LinkNotice.whomToCall(units.nameOf(item.leadUnitId()) + "承办人", reply.handlerName(), reply.handlerPhone()))
        .orElse(null);
  }
}
