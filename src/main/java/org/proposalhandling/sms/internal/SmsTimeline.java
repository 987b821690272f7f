package org.proposalhandling.sms.internal;

import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemLifecycle;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.sms.MobileNumbers;
import org.springframework.stereotype.Component;

/** A text about an item on the item's timeline: sent, delivered, not delivered; the number masked. */
@Component
class SmsTimeline {

  private final ItemRepository items;
  private final ItemLifecycle lifecycle;

  SmsTimeline(ItemRepository items, ItemLifecycle lifecycle) {
    this.items = items;
    this.lifecycle = lifecycle;
  }

  void record(String subjectId, ItemEventKind kind, String recipient, String detail) {
    if (subjectId == null || items.find(subjectId).isEmpty()) {
      return;  // a text about something else than an item (a consultation) has no timeline here
    }
    lifecycle.record(subjectId, kind, "发往 " + MobileNumbers.mask(recipient) + (detail == null ? "" : "（" + detail + "）"));
  }
}
