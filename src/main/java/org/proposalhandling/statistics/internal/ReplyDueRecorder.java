package org.proposalhandling.statistics.internal;

import java.time.LocalDate;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEvents;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a reply is delivered, keeps the due date it was measured against (the item's reply_due then, moved by
 * any extension granted before) and whether it came on time: the item's own date moves on with a re-handling.
 * Runs in the delivery's transaction, so the figure exists exactly when the delivery does.
 */
@Component
class ReplyDueRecorder {

  private final ItemRepository items;
  private final JdbcClient jdbc;

  ReplyDueRecorder(ItemRepository items, JdbcClient jdbc) {
    this.items = items;
    this.jdbc = jdbc;
  }

  @EventListener
  void delivered(ItemEvents.ReplyDelivered event) {
    Item item = items.get(event.itemId());
    LocalDate deliveredOn = EngineClock.today();
    jdbc.sql("delete from stat_reply_due where item_id = ? and round = ?").params(item.id(), event.round()).update();
    jdbc.sql("insert into stat_reply_due (item_id, round, reply_due, delivered_on, on_time) values (?, ?, ?, ?, ?)")
        .params(item.id(), event.round(), item.replyDue(), deliveredOn, !deliveredOn.isAfter(item.replyDue()))
        .update();
  }
}
