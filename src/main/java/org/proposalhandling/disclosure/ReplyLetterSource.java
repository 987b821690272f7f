package org.proposalhandling.disclosure;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.proposalhandling.attachment.ReplyFiles;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.handling.Disclosure;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemKind;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.letter.ReplyLetter;
import org.proposalhandling.letter.ReplyLetters;
import org.proposalhandling.workflow.SystemActions;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The reply letter of a signed reply, as the item and the reply record it: 成文日期 is the sign-off date, the
 * 负责人 the official who signed, the 承办人 and phone the drafter's. Rendered when asked, never stored: the
 * data it comes from no longer changes once the reply is signed.
 */
@Component
class ReplyLetterSource {

  /** A salutation line this short that ends with a colon is the letter's addressee (民建省委会：). */
  private static final int ADDRESSEE_MAX_LENGTH = 40;

  private final ItemRepository items;
  private final ReplyRepository replies;
  private final UnitDirectory units;
  private final IdentityService identity;
  private final SystemActions system;
  private final ReplyLetters letters;
  private final ReplyCopies copies;
  private final ReplyFiles files;

  ReplyLetterSource(ItemRepository items, ReplyRepository replies, UnitDirectory units, IdentityService identity,
                    SystemActions system, ReplyLetters letters, ReplyCopies copies, ReplyFiles files) {
    this.copies = copies;
    this.files = files;
    this.items = items;
    this.replies = replies;
    this.units = units;
    this.identity = identity;
    this.system = system;
    this.letters = letters;
  }

  /** The letter of a round, once its reply is signed and numbered. */
  Optional<ReplyLetter> find(String itemId, int round) {
    return find(itemId, round, item -> salutationFor(item));
  }

  /**
   * The letter of a round addressed to one of its proposers alone: the lead proposer (0) or the co-signer at this
   * position.
   */
  Optional<ReplyLetter> find(String itemId, int round, int proposer) {
    return find(itemId, round, item -> salutationFor(item, proposer));
  }

  private Optional<ReplyLetter> find(String itemId, int round, Function<Item, String> salutation) {
    Optional<Item> item = items.find(itemId);
    Optional<Reply> reply = replies.find(itemId, round);
    if (item.isEmpty() || reply.isEmpty() || reply.get().signedAt() == null || reply.get().documentNumber() == null) {
      return Optional.empty();
    }
    return Optional.of(letterOf(item.get(), reply.get(), salutation.apply(item.get())));
  }

  byte[] pdf(ReplyLetter letter) {
    return letters.render(letter);
  }

  /** The letter as an HTTP answer: shown in the browser (inline), saved under its document number. */
  ResponseEntity<byte[]> download(ReplyLetter letter) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(fileName(letter), StandardCharsets.UTF_8).build().toString())
        .body(pdf(letter));
  }

  static String fileName(ReplyLetter letter) {
    return "答复函" + letter.documentNumber() + ".pdf";
  }

  /** The letter's title, e.g. 对省政协十三届一次会议第D13号党派团体提案的答复. */
  static String titleOf(Item item) {
    return "对" + item.reference() + "的答复";
  }

  static LocalDate writtenOn(Reply reply) {
    return LocalDate.ofInstant(reply.signedAt(), EngineClock.zone());
  }

  private ReplyLetter letterOf(Item item, Reply reply, String defaultSalutation) {
    String text = reply.body().strip();
    String firstLine = text.lines().findFirst().orElse("").strip();
    boolean salutation = firstLine.length() <= ADDRESSEE_MAX_LENGTH && (firstLine.endsWith("：") || firstLine.endsWith(":"));
    String addressee = salutation ? firstLine.substring(0, firstLine.length() - 1) : defaultSalutation;
    String body = salutation ? text.substring(text.indexOf(firstLine) + firstLine.length()).strip() : text;
    return new ReplyLetter(titleOf(item), reply.documentNumber(), addressee, body,
        units.nameOf(item.leadUnitId()), writtenOn(reply), reply.category(),
        reply.disclosure() == null ? null : "此件" + Disclosure.labelOf(reply.disclosure()),
        nameOf(reply.signedBy()), reply.handlerName(), reply.handlerPhone(),
        copies.of(item).stream().map(ReplyCopies.Copy::name).toList(),
        files.of(item.id(), reply.round()).stream().map(ReplyFiles.ReplyFile::title).toList());
  }

  /**
   * How the letters address a proposer when the drafter wrote no salutation (seed 003: 尊敬的秦清亮委员); a joint
   * item by its lead proposer and their number, 尊敬的张三代表等4位代表.
   */
  static String salutationFor(Item item) {
    String title = titleOf(item.kind());
    if (title == null) {
      return item.proposerName();
    }
    return "尊敬的" + item.proposerName() + title + (item.coSigners().isEmpty() ? "" : "等" + (item.coSigners().size() + 1) + "位" + title);
  }

  /** One proposer alone: the lead proposer (0), as a single proposer's letter, or the co-signer at this position. */
  static String salutationFor(Item item, int proposer) {
    String name = proposer == 0 ? item.proposerName() : item.coSigners().stream()
        .filter(coSigner -> coSigner.position() == proposer).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Item " + item.id() + " has no co-signer " + proposer)).name();
    String title = titleOf(item.kind());
    return title == null ? name : "尊敬的" + name + title;
  }

  private static String titleOf(ItemKind kind) {
    return kind == ItemKind.DEPUTY_SUGGESTION ? "代表" : kind == ItemKind.MEMBER_PROPOSAL ? "委员" : null;
  }

  /** The signing official's name, family name first, read as the system (users may not list users). */
  private String nameOf(String userId) {
    if (userId == null) {
      return null;
    }
    User user = system.run(() -> identity.createUserQuery().userId(userId).singleResult());
    return user == null ? null : (nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName()));
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
