package org.proposalhandling.feedback;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Optional;
import org.proposalhandling.deadline.Deadlines;
import org.proposalhandling.feedback.internal.FeedbackRepository;
import org.proposalhandling.feedback.internal.PersonalAnswers;
import org.proposalhandling.feedback.internal.PersonalAnswers.Answer;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.CoSigner;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.Satisfaction;
import org.proposalhandling.link.LinkNotice;
import org.proposalhandling.link.LinkToken;
import org.proposalhandling.link.LinkTokens;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A co-signer's feedback link: the reply and his own answer, stored for him alone; it never completes the
 * feedback task, which is the lead proposer's. The link works once, for its round, until the round's feedback
 * period (its grace included) ends, as the lead proposer's task does. An answer after the item's result was
 * taken (the lead proposer answered first) is still stored, in place of the 未反馈 recorded for him then, and
 * the page says the result no longer changes.
 */
@Controller
class CoSignerFeedbackController {

  private final LinkTokens tokens;
  private final ItemRepository items;
  private final ReplyRepository replies;
  private final FeedbackRepository feedbacks;
  private final PersonalAnswers answers;
  private final ItemProgress progress;
  private final Deadlines deadlines;
  private final TransactionTemplate transaction;

  CoSignerFeedbackController(LinkTokens tokens, ItemRepository items, ReplyRepository replies, FeedbackRepository feedbacks,
                             PersonalAnswers answers, ItemProgress progress, Deadlines deadlines,
                             TransactionTemplate transaction) {
    this.tokens = tokens;
    this.items = items;
    this.replies = replies;
    this.feedbacks = feedbacks;
    this.answers = answers;
    this.progress = progress;
    this.deadlines = deadlines;
    this.transaction = transaction;
  }

  @GetMapping("/links/co-signer-feedback/{token}")
  String show(@PathVariable String token, Model model, HttpServletResponse response) {
    LinkToken link = read(token);
    if (link.state() != LinkToken.State.VALID && link.state() != LinkToken.State.USED) {
      return notice(link, model, response);
    }
    return page(model, link, null);
  }

  @PostMapping("/links/co-signer-feedback/{token}")
  String answer(@PathVariable String token, @RequestParam(required = false) String satisfaction,
                @RequestParam(required = false) String comments, Model model, HttpServletResponse response) {
    LinkToken link = read(token);
    if (!link.valid()) {
      return link.state() == LinkToken.State.USED ? answered(model, link, response) : notice(link, model, response);
    }
    Answer answer;
    try {
      answer = answerOf(link, satisfaction, comments);
    } catch (FormValidationException refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(model, link, refused.getMessage());
    }
    Boolean recorded = transaction.execute(status -> tokens.consume(link) && answers.record(answer));
    if (!Boolean.TRUE.equals(recorded)) {
      return answered(model, link, response);
    }
    model.addAttribute("notice", "感谢您的反馈，意见已经记录。");
    return page(model, read(token), null);
  }

  /** The token as stored, expired once its round's feedback period is over. */
  private LinkToken read(String token) {
    LinkToken link = tokens.read(FeedbackMail.CO_SIGNER_PURPOSE, token);
    if (!link.valid()) {
      return link;
    }
    Item item = items.get(link.subjectId());
    boolean open = replies.find(item.id(), CoSignerLink.of(link.holder()).round())
        .map(Reply::deliveredAt)
        .map(delivered -> deadlines.feedbackClosingOn(item.kind(), LocalDate.ofInstant(delivered, EngineClock.zone())))
        .filter(closing -> !EngineClock.today().isAfter(closing))
        .isPresent();
    return open ? link : new LinkToken(link.id(), link.subjectId(), link.activityId(), link.holder(), LinkToken.State.EXPIRED,
        link.usedAt());
  }

  private Answer answerOf(LinkToken link, String satisfaction, String comments) {
    AnswerInput input = AnswerInput.of(satisfaction, comments);
    CoSignerLink whose = CoSignerLink.of(link.holder());
    return new Answer(link.subjectId(), whose.round(), whose.position(), input.satisfaction(), input.comments(),
        EngineClock.now());
  }

  private String answered(Model model, LinkToken link, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_CONFLICT);
    model.addAttribute("notice", "您已经反馈过，不能重复提交。以下是已记录的意见。");
    return page(model, link, null);
  }

  private static String notice(LinkToken link, Model model, HttpServletResponse response) {
    LinkNotice notice = LinkNotice.of(link);
    response.setStatus(notice.status().value());
    return notice.render(model);
  }

  private String page(Model model, LinkToken link, String error) {
    Item item = items.get(link.subjectId());
    CoSignerLink whose = CoSignerLink.of(link.holder());
    CoSigner coSigner = item.coSigners().get(whose.position() - 1);
    Optional<Answer> own = answers.of(item.id(), whose.round()).stream()
        .filter(answer -> answer.person() == whose.position() && answer.satisfaction() != Satisfaction.NO_RESPONSE)
        .findFirst();
    model.addAttribute("item", item);
    model.addAttribute("reference", item.reference());
    model.addAttribute("progress", progress.of(item));
    model.addAttribute("reply", replies.find(item.id(), whose.round()).orElse(null));
    model.addAttribute("formOpen", link.valid());
    model.addAttribute("coSigner", coSigner);
    model.addAttribute("answers", own.stream().toList());
    model.addAttribute("resultTaken", feedbacks.find(item.id(), whose.round())
        .map(lead -> "本件的办理结果已于" + LocalDate.ofInstant(lead.recordedAt(), EngineClock.zone())
            + "确定，此后提交的意见仍单独记录，供承办单位和交办机构参考，不再改变办件结果。")
        .orElse(null));
    model.addAttribute("error", error);
    return "links/feedback";
  }
}
