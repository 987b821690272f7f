package org.proposalhandling.handling;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.directory.People;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemFormListener;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.letter.ReplyLetters;
import org.proposalhandling.points.PointChecks;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/**
 * 起草答复: the lead unit's handler writes the reply, seeing the co-handling opinions, the contact record,
 * and why an earlier draft came back. A second round starts from the first reply. The handler who claims the
 * task finds 承办人 filled with his own name and phone: the task is created by whoever finished the step
 * before (a job, the reviewer who sent it back), so only the claim tells who drafts.
 */
@Component("draftingForm")
class DraftingForm extends ItemFormListener {

  private final HandlingSummary summary;
  private final ReplyRepository replies;
  private final ReplyCategories categories;
  private final People people;
  private final ReplyLetters letters;
  private final PointChecks pointChecks;

  DraftingForm(ItemRepository items, HandlingSummary summary, ReplyRepository replies, ReplyCategories categories,
               People people, ReplyLetters letters, PointChecks pointChecks) {
    super(items);
    this.summary = summary;
    this.replies = replies;
    this.categories = categories;
    this.people = people;
    this.letters = letters;
    this.pointChecks = pointChecks;
  }

  @Override
  protected void prepare(DelegateTask task, Item item) {
    lifecycle().startDrafting(item.id());
    int round = item.handlingRound();
    Reply draft = replies.find(item.id(), round).or(() -> replies.find(item.id(), round - 1)).orElse(null);
    Map<String, Object> fields = new HashMap<>();
    fields.put("coHandlingOpinions", summary.opinionsText(item.id()));
    fields.put("contactRecord", summary.contactRecord(item.id(), round));
    fields.put("returnComments", summary.returnComments(item.id(), round));
    fields.put("proposerComments", summary.proposerComments(item.id(), round));
    fields.put("publicationConsentLabel", item.publicationConsent() ? "同意公开答复" : "不同意公开答复");
    fields.put("replyText", draft == null ? "" : draft.body());
    fields.put("pointsChecklist", pointChecks.checklist(item.content(), draft == null ? null : draft.body()));
    fields.put("category", draft == null ? "" : draft.category());
    fields.put("disclosure", draft == null ? "" : draft.disclosure());
    fields.put("handlerName", draft == null ? "" : draft.handlerName());
    fields.put("handlerPhone", draft == null ? "" : draft.handlerPhone());
    show(task, fields);
    task.setVariableLocal("categoryOptions", categories.formOptions(item.kind()));
  }

  /** Fills 承办人 and the phone, where still empty, from the directory entry of the user who claimed the task. */
  @Override
  protected void assigned(DelegateTask task, Item item) {
    if (task.getAssignee() == null) {
      return;
    }
    people.contact(task.getAssignee()).ifPresent(handler -> {
      fillIfEmpty(task, "handlerName", handler.name());
      fillIfEmpty(task, "handlerPhone", handler.phone());
    });
  }

  private static void fillIfEmpty(DelegateTask task, String key, String value) {
    Object current = task.getVariableLocal(key);
    if (value != null && (current == null || current.toString().isBlank())) {
      task.setVariableLocal(key, value);
    }
  }

  @Override
  protected void complete(DelegateTask task, Item item, FormValues form) {
    String body = printable(form.requiredText("replyText", "答复正文"), "答复正文");
    String category = form.requiredChoice("category", "答复类别", categories.of(item.kind()));
    String disclosure = form.requiredChoice("disclosure", "公开属性",
        Arrays.stream(Disclosure.values()).map(Enum::name).toList());
    if (Disclosure.valueOf(disclosure) == Disclosure.PUBLIC && !item.publicationConsent()) {
      throw new FormValidationException("提出人不同意公开答复，「公开属性」不能选择主动公开。");
    }
    replies.saveDraft(item.id(), item.handlingRound(), body, category, disclosure,
        printable(form.requiredText("handlerName", "承办人"), "承办人"),
        printable(form.requiredText("handlerPhone", "承办人联系电话"), "承办人联系电话"));
    lifecycle().submitDraft(item.id(), "答复类别：" + ReplyCategories.labelOf(category) + "；" + Disclosure.labelOf(disclosure)
        + "；" + body.length() + " 字");
  }

  /**
   * What the drafter writes goes into the reply letter: a character no font of the letter has is refused here,
   * naming it, where the drafter can change it, not after sign-off when the delivery mails fail to render it.
   */
  private String printable(String text, String label) {
    letters.unprintable(text, "「" + label + "」").ifPresent(refusal -> {
      throw new FormValidationException(refusal);
    });
    return text;
  }
}
