package org.proposalhandling.item;

import org.proposalhandling.workflow.FormValidationException;

/** A transition the item's stage does not allow: refused with a Chinese message, the transaction rolls back. */
public class ItemStateException extends FormValidationException {

  ItemStateException(Item item, ItemEventKind kind) {
    super(item.shortReference() + "当前处于「" + item.status().label(item.handlingRound()) + "」阶段，不能" + kind.label() + "。");
  }
}
