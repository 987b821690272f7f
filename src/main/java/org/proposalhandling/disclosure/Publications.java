package org.proposalhandling.disclosure;

import java.util.Optional;
import java.util.UUID;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.handling.Disclosure;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemEvents;
import org.proposalhandling.item.ItemLifecycle;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.numbering.NumberSeries;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * 主动公开: a delivered reply marked for publication is published on its delivery day, if the proposer agreed
 * to publication at intake; it gets the next index number (索引号) of its unit's year. The listener runs in
 * the delivery's transaction, so a delivery is never without its publication, nor a publication without its
 * delivery.
 */
@Service
public class Publications {

  private final ItemRepository items;
  private final ReplyRepository replies;
  private final UnitDirectory units;
  private final NumberSeries numbers;
  private final PublicationRepository publications;
  private final ItemLifecycle lifecycle;

  Publications(ItemRepository items, ReplyRepository replies, UnitDirectory units, NumberSeries numbers,
               PublicationRepository publications, ItemLifecycle lifecycle) {
    this.items = items;
    this.replies = replies;
    this.units = units;
    this.numbers = numbers;
    this.publications = publications;
    this.lifecycle = lifecycle;
  }

  /** The publication of a round's reply, for the item's page (索引号, 发布日期); empty when not published. */
  public Optional<Publication> of(String itemId, int round) {
    return publications.findByReply(itemId, round);
  }

  @EventListener
  void delivered(ItemEvents.ReplyDelivered event) {
    Item item = items.get(event.itemId());
    Reply reply = replies.get(event.itemId(), event.round());
    if (!Disclosure.PUBLIC.name().equals(reply.disclosure()) || !item.publicationConsent()
        || publications.exists(item.id(), event.round())) {
      return;
    }
    Unit unit = units.get(item.leadUnitId());
    var today = EngineClock.today();
    int serial = numbers.next(NumberSeries.Series.INDEX, unit.id(), today.getYear());
    String indexNumber = Publication.indexNumber(unit.organisationCode(), today.getYear(), serial);
    publications.insert(new Publication(UUID.randomUUID().toString(), item.id(), event.round(), unit.id(), unit.name(),
        today.getYear(), serial, indexNumber, item.kind(), ReplyLetterSource.titleOf(item), reply.documentNumber(),
        ReplyLetterSource.writtenOn(reply), today));
    lifecycle.record(item.id(), ItemEventKind.PUBLISHED, "索引号 " + indexNumber);
  }
}
