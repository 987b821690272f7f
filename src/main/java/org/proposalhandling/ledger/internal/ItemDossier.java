package org.proposalhandling.ledger.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.deadline.Deadlines;
import org.proposalhandling.delivery.Redelivery;
import org.proposalhandling.directory.People;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.disclosure.Publication;
import org.proposalhandling.disclosure.Publications;
import org.proposalhandling.duplicates.DuplicateCheck;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemHistory;
import org.proposalhandling.item.ItemReaders;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.workflow.SystemActions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Everything about one item on one screen, for a user whose scope holds it (else: nothing, as if it did not
 * exist): the proposal, the assignment (a reply due date counted on a provisional holiday calendar marked so),
 * the history in order with each mail where it was written, the co-handling opinions, every reply in full with
 * its letter once delivered and its 索引号 and 发布日期 once published, the open tasks, and for the lead unit's
 * handler while the item is handled the similar earlier items and their replies (drafting help); for every
 * reader, the items of its session it may duplicate and related items of other sessions, among those he reads.
 */
@Service
class ItemDossier implements ItemReaders {

  /** One line of the timeline: a step of the item's history, or a mail written about it. */
  record Step(Instant when, String what, String who, String summary, int round, MailLog.Mail mail) {
  }

  record Opinion(String unit, int round, String text, Instant when) {
  }

  /** What the page shows, already in the user's terms. */
  record View(Item item, String office, String leadUnit, List<String> coHandlingUnits, boolean contacts,
              List<Step> timeline, List<Opinion> opinions, List<Reply> replies, Map<Integer, Publication> publications,
              boolean replyDueProvisional, List<OpenTasks.OpenTask> tasks, boolean mayAskExtension,
              boolean mayAskReassignment, String deliveryFailure, boolean mayRedeliver,
              List<SimilarItems.Similar> similar, DuplicateCheck.Found duplicates) {
  }

  private final LedgerQuery ledger;
  private final ItemRepository items;
  private final ItemHistory history;
  private final ReplyRepository replies;
  private final MailLog mails;
  private final OpenTasks tasks;
  private final UnitDirectory directory;
  private final IdentityService identity;
  private final SystemActions system;
  private final JdbcClient jdbc;
  private final Publications publications;
  private final Deadlines deadlines;
  private final SimilarItems similarItems;
  private final DuplicateCheck duplicates;

  ItemDossier(LedgerQuery ledger, ItemRepository items, ItemHistory history, ReplyRepository replies, MailLog mails,
              OpenTasks tasks, UnitDirectory directory, IdentityService identity, SystemActions system, JdbcClient jdbc,
              Publications publications, Deadlines deadlines, SimilarItems similarItems,
              DuplicateCheck duplicates) {
    this.similarItems = similarItems;
    this.duplicates = duplicates;
    this.ledger = ledger;
    this.items = items;
    this.history = history;
    this.replies = replies;
    this.mails = mails;
    this.tasks = tasks;
    this.directory = directory;
    this.identity = identity;
    this.system = system;
    this.jdbc = jdbc;
    this.publications = publications;
    this.deadlines = deadlines;
  }

  /** The item, if this user may read it; empty both when it does not exist and when it is not his. */
  Optional<View> of(Authentication user, String itemId) {
    if (!mayRead(user, itemId)) {
      return Optional.empty();
    }
    LedgerScope scope = LedgerScope.of(user, directory);
    Item item = items.get(itemId);
    List<String> coUnits = items.coHandlingUnitIds(itemId);
    boolean handler = user.getGroupIds().contains(Role.HANDLER.groupOf(item.leadUnitId()));
    boolean coHandler = coUnits.stream().anyMatch(unit -> user.getGroupIds().contains(Role.HANDLER.groupOf(unit)));
    boolean handling = item.status().inHandling();
    List<Reply> rounds = IntStream.rangeClosed(1, item.handlingRound()).mapToObj(round -> replies.find(itemId, round))
        .flatMap(Optional::stream).toList();
    Map<Integer, Publication> published = new HashMap<>();
    rounds.forEach(reply -> publications.of(itemId, reply.round()).ifPresent(p -> published.put(reply.round(), p)));
    List<ItemHistory.Entry> entries = history.of(itemId);
    return Optional.of(new View(item, directory.nameOf(item.assigningOfficeId()), directory.nameOf(item.leadUnitId()),
        coUnits.stream().map(directory::nameOf).toList(), scope.seesContactsOf(item.assigningOfficeId(), item.leadUnitId()),
        timeline(itemId, entries), opinions(itemId), rounds, published,
        item.replyDue() != null && deadlines.replyDueProvisional(item),
        tasks.of(itemId), handling && handler, handling && item.handlingRound() == 1 && (handler || coHandler),
        deliveryFailure(item, entries), Redelivery.mayRetry(user, item),
        handling && handler ? similarItems.to(item, user) : List.of(),
        duplicates.of(item.id(), item.sessionName(), item.title(), item.content(), scope.readers())));
  }

  @Override
  public boolean mayRead(Authentication user, String itemId) {
    return itemId != null && itemId.length() <= 36 && ledger.visible(LedgerScope.of(user, directory), itemId);
  }

  /** While the reply cannot leave: why, as last recorded. */
  private static String deliveryFailure(Item item, List<ItemHistory.Entry> entries) {
    if (item.status() != ItemStatus.DELIVERY_FAILED) {
      return null;
    }
    return entries.stream().filter(entry -> entry.kind() == ItemEventKind.DELIVERY_FAILED)
        .reduce((first, second) -> second).map(ItemHistory.Entry::summary).orElse(null);
  }

  /** The history in its order, each mail placed after the last step that came before it. */
  private List<Step> timeline(String itemId, List<ItemHistory.Entry> entries) {
    Map<String, String> names = new HashMap<>();
    List<MailLog.Mail> pending = new ArrayList<>(mails.of(itemId));
    List<Step> steps = new ArrayList<>();
    for (ItemHistory.Entry entry : entries) {
      while (!pending.isEmpty() && pending.get(0).createdAt().isBefore(entry.occurredAt())) {
        steps.add(mailStep(pending.remove(0)));
      }
      String unit = entry.actorUnitId() == null ? null : directory.nameOf(entry.actorUnitId());
      String person = entry.actor() == null ? null : names.computeIfAbsent(entry.actor(), this::personName);
      String who = person == null && unit == null ? "系统" : unit == null ? person : person == null ? unit : unit + " " + person;
      steps.add(new Step(entry.occurredAt(), entry.kind().label(), who, entry.summary(), entry.round(), null));
    }
    pending.forEach(mail -> steps.add(mailStep(mail)));
    return steps;
  }

  private static Step mailStep(MailLog.Mail mail) {
    return new Step(mail.createdAt(), "邮件", mail.recipient(), mail.subject(), 0, mail);
  }

  private String personName(String userId) {
    User user = system.run(() -> identity.createUserQuery().userId(userId).singleResult());
    return user == null ? userId : People.nameOf(user);
  }

  private List<Opinion> opinions(String itemId) {
    return jdbc.sql("select unit_id, round, opinion, submitted_at from co_handling_opinion where item_id = ? order by submitted_at")
        .param(itemId)
        .query((rs, row) -> new Opinion(directory.nameOf(rs.getString("unit_id")), rs.getInt("round"),
            rs.getString("opinion"), rs.getTimestamp("submitted_at").toInstant()))
        .list();
  }
}
