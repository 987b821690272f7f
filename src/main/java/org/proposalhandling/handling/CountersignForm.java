package org.proposalhandling.handling;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.handling.Countersigns.Countersign;
import org.proposalhandling.handling.Countersigns.Decision;
import org.proposalhandling.handling.HandlingRecords.Stage;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemFormListener;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/**
 * 会签: a co-handling unit reads the lead unit's reviewed draft beside its own opinion and agrees, or returns
 * it with a comment that the drafter then reads among the draft's return comments.
 */
@Component("countersignForm")
class CountersignForm extends ItemFormListener {

  private final UnitDirectory units;
  private final ReplyRepository replies;
  private final HandlingRecords records;
  private final Countersigns countersigns;

  CountersignForm(ItemRepository items, UnitDirectory units, ReplyRepository replies, HandlingRecords records,
                  Countersigns countersigns) {
    super(items);
    this.units = units;
    this.replies = replies;
    this.records = records;
    this.countersigns = countersigns;
  }

  @Override
  protected String taskQualifier(DelegateTask task, Item item) {
    return units.nameOf(CoHandlingOpinionForm.coUnit(task));
  }

  @Override
  protected void prepare(DelegateTask task, Item item) {
    String unit = CoHandlingOpinionForm.coUnit(task);
    Reply draft = replies.get(item.id(), item.handlingRound());
    Map<String, Object> fields = new HashMap<>();
    fields.put("leadUnitName", units.nameOf(item.leadUnitId()));
    fields.put("coUnitName", units.nameOf(unit));
    fields.put("replyText", draft.body());
    fields.put("categoryLabel", ReplyCategories.labelOf(draft.category()));
    fields.put("ownOpinion", records.opinionOf(item.id(), unit).orElse("（本单位未提出会办意见）"));
    fields.put("countersignDue", countersigns.open(item.id(), unit).map(open -> open.dueOn().toString()).orElse(""));
    fields.put("decision", "");
    fields.put("comment", "");
    show(task, fields);
  }

  @Override
  protected void complete(DelegateTask task, Item item, FormValues form) {
    String unit = CoHandlingOpinionForm.coUnit(task);
    boolean agreed = form.requiredChoice("decision", "会签意见", List.of("agree", "return")).equals("agree");
    String comment = form.optionalText("comment", "意见说明", 4000);
    if (!agreed && comment == null) {
      throw new FormValidationException("退回主办单位时须填写意见说明，起草人将据此修改。");
    }
    Countersign open = countersigns.open(item.id(), unit).orElseThrow(() ->
        new FormValidationException("本单位对该答复稿的会签已经办结，无需再次提交。"));
    String user = currentUser(task);
    countersigns.decide(open, agreed ? Decision.AGREED : Decision.RETURNED, comment, user, EngineClock.now());
    String unitName = units.nameOf(unit);
    if (agreed) {
      lifecycle().record(item.id(), ItemEventKind.COUNTERSIGN_AGREED, unitName + (comment == null ? "" : "：" + comment));
    } else {
      records.saveNote(item.id(), item.handlingRound(), Stage.COUNTERSIGN, false, unitName + "：" + comment, user,
          EngineClock.now());
      lifecycle().record(item.id(), ItemEventKind.COUNTERSIGN_OBJECTED, unitName + "：" + comment);
    }
  }
}
