package org.proposalhandling.feedback.internal;

import org.proposalhandling.feedback.FeedbackSettings;
import org.proposalhandling.feedback.ResultRule;
import org.proposalhandling.feedback.internal.PersonalAnswers.Answer;
import org.proposalhandling.item.CoSigner;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.Satisfaction;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Takes a round's result when the lead proposer's answer ends the feedback step (or the timer records his
 * 未反馈): his answer stored as a person's, every co-signer without an answer then recorded 未反馈, and the
 * item's satisfaction by the configured rule over the answers present. A lead proposer who never answered
 * leaves the item 未反馈 under either rule: that path of the process closes the item, it never re-handles.
 */
@Component
@EnableConfigurationProperties(FeedbackSettings.class)
class ItemResults {

  private final PersonalAnswers answers;
  private final FeedbackSettings settings;

  ItemResults(PersonalAnswers answers, FeedbackSettings settings) {
    this.answers = answers;
    this.settings = settings;
  }

  Satisfaction take(Item item, Satisfaction lead, String comments) {
    int round = item.handlingRound();
    answers.record(new Answer(item.id(), round, PersonalAnswers.LEAD, lead, comments, EngineClock.now()));
    answers.recordNoResponse(item.id(), round, item.coSigners().stream().map(CoSigner::position).toList(), EngineClock.now());
    boolean anyDissatisfied = answers.of(item.id(), round).stream()
        .anyMatch(answer -> answer.satisfaction() == Satisfaction.UNSATISFIED);
    return settings.resultRule() == ResultRule.ANY_DISSATISFIED && lead != Satisfaction.NO_RESPONSE && anyDissatisfied
        ? Satisfaction.UNSATISFIED : lead;
  }
}
