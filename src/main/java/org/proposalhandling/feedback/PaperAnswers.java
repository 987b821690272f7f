package org.proposalhandling.feedback;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.directory.Role;
import org.proposalhandling.feedback.internal.PersonalAnswers;
import org.proposalhandling.feedback.internal.PersonalAnswers.Answer;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.CoSigner;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.Satisfaction;
import org.proposalhandling.security.CurrentUser;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.stereotype.Component;

/**
 * 录入纸质征询意见表: the assigning office types in a co-signer's answer from the paper form he sent back (the
 * co-signers without e-mail or mobile get their own form on paper; any co-signer may answer on paper). Only for the
 * delivered reply of the item's current round, once per person: an answer by link or an earlier entry stands, a
 * 未反馈 recorded when the lead proposer answered is replaced, as a late answer by link replaces it. The item page
 * asks it which co-signers are still to answer ({@code ${@paperAnswers.pending(item)}}), with the item it shows.
 */
@Component("paperAnswers")
public class PaperAnswers {

  /** A co-signer still to answer the current round; on paper: his form went by post. */
  public record Pending(int position, String name, boolean onPaper) {
  }

  private final ItemRepository items;
  private final ReplyRepository replies;
  private final PersonalAnswers answers;

  PaperAnswers(ItemRepository items, ReplyRepository replies, PersonalAnswers answers) {
    this.items = items;
    this.replies = replies;
    this.answers = answers;
  }

  /** For the office's clerks: the co-signers who have not answered the delivered reply; none for anyone else. */
  public List<Pending> pending(Item item) {
    if (!enters(CurrentUser.get(), item) || !delivered(item)) {
      return List.of();
    }
    Set<Integer> answered = answers.of(item.id(), item.handlingRound()).stream()
        .filter(answer -> answer.satisfaction() != Satisfaction.NO_RESPONSE).map(Answer::person).collect(Collectors.toSet());
    return item.coSigners().stream().filter(coSigner -> !answered.contains(coSigner.position()))
        .map(coSigner -> new Pending(coSigner.position(), coSigner.nameWithConstituency(), ProposerChannels.onPaper(item, coSigner)))
        .toList();
  }

  /** Whether the user enters paper answers for this item: a clerk of its assigning office (else: the page's 404). */
  boolean entersFor(Authentication user, String itemId) {
    return items.find(itemId).filter(item -> enters(user, item)).isPresent();
  }

  /** Records the answer typed in ({@link #entersFor} checked); refused in Chinese when it is not complete. */
  String record(String itemId, int position, String satisfaction, String comments) {
    Item item = items.get(itemId);
    CoSigner coSigner = item.coSigners().stream().filter(each -> each.position() == position).findFirst()
        .orElseThrow(() -> new FormValidationException("本件没有这位联名人（附议人）。"));
    if (!delivered(item)) {
      throw new FormValidationException("本轮答复尚未送达，还不能录入征询意见。");
    }
    AnswerInput input = AnswerInput.of(satisfaction, comments);
    if (!answers.record(new Answer(item.id(), item.handlingRound(), position, input.satisfaction(), input.comments(),
        EngineClock.now()))) {
      throw new FormValidationException(coSigner.name() + "本轮的意见已经记录，不能重复录入。");
    }
    return coSigner.name();
  }

  private static boolean enters(Authentication user, Item item) {
    return user != null && user.getGroupIds() != null && user.getGroupIds().contains(Role.CLERK.groupOf(item.assigningOfficeId()));
  }

  private boolean delivered(Item item) {
    return replies.find(item.id(), item.handlingRound()).map(Reply::deliveredAt).isPresent();
  }
}
