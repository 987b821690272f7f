package org.proposalhandling.ledger.internal;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyCategories;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.search.ItemSearch;
import org.springframework.stereotype.Service;

/**
 * The drafting help of the item page: the answered items most like this one (of every session), each with its
 * category, lead unit and satisfaction and the passages of its replies most alike, one click from its page (the
 * ledger's when the user reads it, else the public reply's). Only what the user reads or what is published.
 */
@Service
class SimilarItems {

  /** As many as a handler reads beside his draft. */
  private static final int SHOWN = 5;

  record Similar(String link, String reference, String title, String category, String leadUnit, String satisfaction,
                 List<String> passages) {
  }

  private final ItemSearch search;
  private final ItemRepository items;
  private final ReplyRepository replies;
  private final UnitDirectory directory;

  SimilarItems(ItemSearch search, ItemRepository items, ReplyRepository replies, UnitDirectory directory) {
    this.search = search;
    this.items = items;
    this.replies = replies;
    this.directory = directory;
  }

  List<Similar> to(Item item, Authentication user) {
    String text = item.title() + "\n" + (item.content() == null ? "" : item.content());
    return search.similar(text, item.id(), LedgerScope.of(user, directory).readers(), SHOWN).stream()
        .map(found -> {
          Item other = items.get(found.itemId());
          Optional<Reply> reply = replies.find(other.id(), other.handlingRound());
          String link = found.readable() ? "/items/" + other.id() : "/public/replies/" + found.publicationId();
          // What the user does not read shows as the public page shows it: the published reply, no category or rating.
          return new Similar(link, other.shortReference(), other.title(),
              found.readable() ? reply.map(Reply::category).map(ReplyCategories::labelOf).orElse(null) : null,
              directory.nameOf(other.leadUnitId()),
              found.readable() && other.satisfaction() != null ? other.satisfaction().label() : null, found.passages());
        }).toList();
  }
}
