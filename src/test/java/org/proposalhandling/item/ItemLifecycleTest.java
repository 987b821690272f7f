package org.proposalhandling.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.item.ItemRepository.Assignment;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Every transition of the item goes through the lifecycle: each is recorded in the item's history with who,
 * which unit and which round, and told by an event; a transition the stage does not allow is refused with a
 * Chinese message and changes nothing.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@RecordApplicationEvents
class ItemLifecycleTest {

  @Autowired ProcessEngine engine;

  @Autowired MailOutbox outbox;
  @Autowired ItemLifecycle lifecycle;
  @Autowired ItemRepository items;
  @Autowired ItemHistory history;
  @Autowired ApplicationEvents events;
  ItemDriver driver;

  @BeforeEach
  void setUp() {
    driver = new ItemDriver(engine, outbox);
  }

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void aWholeCycleLeavesEveryTransitionInTheHistoryInOrder() {
    ProcessInstance instance = driver.register("L" + System.nanoTime());
    String id = instance.getBusinessKey();
    driver.accept(instance);
    driver.assign(instance, "jl-mz", "jl-cz");
    engine.getIdentityService().setAuthentication("jlcz-handler", List.of("jl-cz", "jl-cz-handler"));
    driver.giveOpinion(instance, "jl-cz", "同意主办单位意见。");
    engine.getIdentityService().clearAuthentication();
    driver.recordContact(instance);
    driver.executeJobs(instance);
    driver.draft(instance, "答复正文");
    driver.review(instance, false, "请补充数据。");
    driver.draft(instance, "答复正文（修改）");
    driver.review(instance, true, null);
    driver.signOff(instance, true, null);
    driver.executeJobs(instance);
    driver.feedback(instance, "UNSATISFIED", "答复笼统。");
    driver.recordContact(instance);
    driver.executeJobs(instance);
    driver.draft(instance, "第二次答复");
    driver.review(instance, true, null);
    driver.signOff(instance, true, null);
    driver.executeJobs(instance);
    driver.feedback(instance, "SATISFIED", "");

    List<ItemHistory.Entry> entries = history.of(id);
    assertThat(entries).extracting(ItemHistory.Entry::kind).containsExactly(
        ItemEventKind.REGISTERED, ItemEventKind.ACCEPTED, ItemEventKind.ASSIGNED, ItemEventKind.CO_HANDLING_OPINION,
        ItemEventKind.CONTACT_RECORDED, ItemEventKind.DRAFTING_STARTED, ItemEventKind.DRAFT_SUBMITTED,
        ItemEventKind.REVIEW_RETURNED, ItemEventKind.DRAFT_SUBMITTED, ItemEventKind.REVIEW_APPROVED,
        ItemEventKind.SIGN_OFF_REQUESTED, ItemEventKind.SIGNED, ItemEventKind.NUMBERED, ItemEventKind.DELIVERED,
        ItemEventKind.PUBLISHED, ItemEventKind.FEEDBACK_RECORDED, ItemEventKind.REHANDLING_STARTED,
        ItemEventKind.CONTACT_RECORDED, ItemEventKind.DRAFTING_STARTED, ItemEventKind.DRAFT_SUBMITTED,
        ItemEventKind.REVIEW_APPROVED, ItemEventKind.SIGN_OFF_REQUESTED, ItemEventKind.SIGNED, ItemEventKind.NUMBERED,
        ItemEventKind.DELIVERED, ItemEventKind.PUBLISHED, ItemEventKind.FEEDBACK_RECORDED, ItemEventKind.CLOSED);
    ItemHistory.Entry opinion = entries.get(3);
    assertThat(opinion.actor()).isEqualTo("jlcz-handler");
    assertThat(opinion.actorUnitId()).isEqualTo("jl-cz");
    assertThat(opinion.summary()).isEqualTo("吉林省财政厅：同意主办单位意见。");
    assertThat(entries.get(7).summary()).isEqualTo("请补充数据。");
    assertThat(entries.get(7).statusAfter()).isEqualTo(ItemStatus.DRAFTING);
    assertThat(entries.get(17).round()).as("the contact of the second round").isEqualTo(2);
    assertThat(entries.get(entries.size() - 1).statusAfter()).isEqualTo(ItemStatus.CLOSED);
    assertThat(items.get(id).satisfaction()).isEqualTo(Satisfaction.SATISFIED);

    assertThat(events.stream(ItemEvents.ReplySigned.class).filter(e -> e.itemId().equals(id)))
        .extracting(ItemEvents.ReplySigned::round).containsExactly(1, 2);
    assertThat(events.stream(ItemEvents.FeedbackRecorded.class).filter(e -> e.itemId().equals(id)))
        .extracting(ItemEvents.FeedbackRecorded::satisfaction).containsExactly(Satisfaction.UNSATISFIED, Satisfaction.SATISFIED);
    assertThat(events.stream(ItemEvents.RehandlingStarted.class).filter(e -> e.itemId().equals(id))).hasSize(1);
    assertThat(events.stream(ItemEvents.Closed.class).filter(e -> e.itemId().equals(id))).hasSize(1);
    assertThat(events.stream(ItemEvents.Occurred.class).filter(e -> e.itemId().equals(id))).hasSize(entries.size());
  }

  @Test
  void aRegisteredItemCannotBeAssignedHandledOrClosed() {
    String id = driver.register("L" + System.nanoTime()).getBusinessKey();
    refused(id, ItemStatus.REGISTERED, "交办", item -> lifecycle.assign(item, assignment()));
    refused(id, ItemStatus.REGISTERED, "签发", item -> lifecycle.signedOff(item, true, null));
    refused(id, ItemStatus.REGISTERED, "办结", lifecycle::close);
    refused(id, ItemStatus.REGISTERED, "沟通联系", item -> lifecycle.record(item, ItemEventKind.CONTACT_RECORDED, "x"));
  }

  @Test
  void anItemInHandlingCannotBeDeliveredRatedClosedOrAcceptedAgain() {
    ProcessInstance instance = driver.register("L" + System.nanoTime());
    driver.accept(instance);
    driver.assign(instance, "jl-mz");
    String id = instance.getBusinessKey();
    refused(id, ItemStatus.HANDLING, "立案", lifecycle::accept);
    refused(id, ItemStatus.HANDLING, "交办", item -> lifecycle.assign(item, assignment()));
    refused(id, ItemStatus.HANDLING, "提交答复稿", item -> lifecycle.submitDraft(item, null));
    refused(id, ItemStatus.HANDLING, "送达答复", item -> lifecycle.delivered(item, null));
    refused(id, ItemStatus.HANDLING, "满意度反馈", item -> lifecycle.feedbackRecorded(item, Satisfaction.SATISFIED, null));
    refused(id, ItemStatus.HANDLING, "再次办理", item -> lifecycle.startRehandling(item, LocalDate.now()));
    refused(id, ItemStatus.HANDLING, "办结", lifecycle::close);
  }

  @Test
  void aRepliedItemCannotBeReassignedExtendedOrSignedAgain() {
    String id = driver.replied("L" + System.nanoTime()).getBusinessKey();
    assertThat(items.get(id).status()).isEqualTo(ItemStatus.REPLIED);
    refused(id, ItemStatus.REPLIED, "调整交办", item -> lifecycle.reassign(item, null));
    refused(id, ItemStatus.REPLIED, "同意延期", item -> lifecycle.extend(item, LocalDate.now().plusMonths(1), null));
    refused(id, ItemStatus.REPLIED, "签发", item -> lifecycle.signedOff(item, true, null));
    refused(id, ItemStatus.REPLIED, "开始起草答复", lifecycle::startDrafting);
  }

  /** Tries a transition, expects its Chinese refusal, and finds the item and its history unchanged. */
  private void refused(String id, ItemStatus stage, String act, Consumer<String> transition) {
    int before = history.of(id).size();
    assertThatThrownBy(() -> transition.accept(id)).isInstanceOf(ItemStateException.class)
        .hasMessageContaining("当前处于「" + stage.label() + "」阶段，不能" + act);
    assertThat(items.get(id).status()).isEqualTo(stage);
    assertThat(history.of(id)).hasSize(before);
  }

  private static Assignment assignment() {
    return new Assignment("jl-mz", List.of(), false, LocalDate.now(), LocalDate.now().plusMonths(3), null);
  }
}
