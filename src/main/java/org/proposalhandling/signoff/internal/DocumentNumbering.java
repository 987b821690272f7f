package org.proposalhandling.signoff.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemLifecycle;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.numbering.NumberSeries;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * 编发文字号: gives the signed reply its document number, e.g. 吉民议字〔2023〕10号: the lead unit's prefix,
 * the year, and the next number of that unit's yearly 发文字号 series ({@link NumberSeries}, which never issues
 * a number twice), and a reply that already has a number keeps it (the job may run again).
 */
@Component("documentNumbering")
class DocumentNumbering implements JavaDelegate {

  private final ItemRepository items;
  private final ReplyRepository replies;
  private final UnitDirectory units;
  private final NumberSeries numbers;
  private final ItemLifecycle lifecycle;

  DocumentNumbering(ItemRepository items, ReplyRepository replies, UnitDirectory units, NumberSeries numbers,
                    ItemLifecycle lifecycle) {
    this.items = items;
    this.replies = replies;
    this.units = units;
    this.numbers = numbers;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    Reply reply = replies.get(item.id(), item.handlingRound());
    String number = reply.documentNumber();
    if (number == null) {
      number = nextNumber(units.get(item.leadUnitId()));
      replies.setDocumentNumber(item.id(), item.handlingRound(), number);
    }
    lifecycle.record(item.id(), ItemEventKind.NUMBERED, number);
  }

  private String nextNumber(Unit unit) {
    if (unit.documentPrefix() == null) {
      throw new IllegalStateException("单位「" + unit.name() + "」未设置发文字号前缀，请在单位资料中补充后重试。");
    }
    int year = EngineClock.today().getYear();
    return unit.documentPrefix() + "〔" + year + "〕" + numbers.next(NumberSeries.Series.DOCUMENT, unit.id(), year) + "号";
  }
}
