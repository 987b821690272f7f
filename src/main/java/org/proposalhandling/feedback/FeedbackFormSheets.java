package org.proposalhandling.feedback;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.CoSigner;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.letter.PrintedForm;
import org.proposalhandling.letter.PrintedForm.Section;
import org.proposalhandling.letter.PrintedForms;
import org.proposalhandling.mail.MailAttachments;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * 征询意见表 on paper: the questions of the feedback task (总体评价, 办前沟通联系, 办理态度, 意见和建议), so that
 * the office types a returned form into that task as it reads. It goes with every delivered reply, as the
 * question 「以上答复您是否满意」 goes with the reply itself (seed 003) and the form with the reply (DOMAIN.md):
 * attached to the proposer's reply mail, and to the office's copy when the proposer has no e-mail address and
 * the office posts the reply.
 */
@Component
public class FeedbackFormSheets implements MailAttachments {

  private static final String KIND = "feedback-form";
  private static final String RATINGS = "□好　　□较好　　□一般　　□差";
  /** Lines left empty under 意见和建议 for the proposer's hand. */
  private static final int WRITING_LINES = 8;

  private final ItemRepository items;
  private final ReplyRepository replies;
  private final UnitDirectory units;
  private final PrintedForms forms;

  FeedbackFormSheets(ItemRepository items, ReplyRepository replies, UnitDirectory units, PrintedForms forms) {
    this.items = items;
    this.replies = replies;
    this.units = units;
    this.forms = forms;
  }

  /** The attachment reference of a round's form, for {@link org.proposalhandling.mail.Mail}. */
  public static String reference(String itemId, int round) {
    return MailAttachments.reference(KIND, itemId + ":" + round);
  }

  /**
   * The forms of a round for the co-signers who answer on paper (neither mailed nor texted), each his own: the
   * office posts them with the reply and types each returned one in for him.
   */
  public static List<String> coSignersOnPaper(Item item, int round) {
    return item.coSigners().stream().filter(coSigner -> ProposerChannels.onPaper(item, coSigner))
        .map(coSigner -> MailAttachments.reference(KIND, item.id() + ":" + round + ":" + coSigner.position())).toList();
  }

  /** The file name a downloaded or attached form has. */
  public static String fileName(Item item) {
    return "征询意见表" + item.shortReference() + ".pdf";
  }

  /** The form of the item's current round as a PDF, once its reply is signed and numbered. */
  public Optional<byte[]> pdf(Item item) {
    return replies.find(item.id(), item.handlingRound())
        .filter(reply -> reply.documentNumber() != null)
        .map(reply -> forms.render(form(item, reply)));
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** "item:round", the lead proposer's form, or "item:round:position", a co-signer's. */
  @Override
  public Attachment render(String argument) {
    String[] parts = argument.split(":");
    Item item = items.get(parts[0]);
    Reply reply = replies.get(item.id(), Integer.parseInt(parts[1]));
    if (parts.length > 2) {
      CoSigner coSigner = coSigner(item, Integer.parseInt(parts[2])).orElseThrow();
      return new Attachment(fileName(item, coSigner), "application/pdf",
          new ByteArrayResource(forms.render(form(item, reply, coSigner))));
    }
    return new Attachment(fileName(item), "application/pdf", new ByteArrayResource(forms.render(form(item, reply))));
  }

  PrintedForm form(Item item, Reply reply) {
    return form(item, reply, item.proposerWithCoSigners());
  }

  private PrintedForm form(Item item, Reply reply, CoSigner coSigner) {
    return form(item, reply, coSigner.nameWithConstituency() + "（" + coSigner.kind().label() + "，领衔人："
        + item.proposerName() + "）");
  }

  /** A co-signer's own form of the item's current round (his position, from 1), once its reply is numbered. */
  public Optional<byte[]> pdf(Item item, int position) {
    return coSigner(item, position).flatMap(coSigner -> replies.find(item.id(), item.handlingRound())
        .filter(reply -> reply.documentNumber() != null)
        .map(reply -> forms.render(form(item, reply, coSigner))));
  }

  /** 「征询意见表第0044号（孙八）.pdf」 */
  public static String fileName(Item item, CoSigner coSigner) {
    return "征询意见表" + item.shortReference() + "（" + coSigner.name() + "）.pdf";
  }

  private static Optional<CoSigner> coSigner(Item item, int position) {
    return item.coSigners().stream().filter(each -> each.position() == position).findFirst();
  }

  private PrintedForm form(Item item, Reply reply, String proposer) {
    String office = units.nameOf(item.assigningOfficeId());
    return new PrintedForm(item.kind().label() + "办理情况征询意见表", List.of(
        new Section(null, List.of(
            "编号：" + item.reference() + (reply.round() > 1 ? "（再次办理）" : ""),
            "标题：" + item.title(),
            "提出人：" + proposer,
            "承办单位：" + units.nameOf(item.leadUnitId()),
            "答复文号：" + reply.documentNumber() + "　　答复类别：" + reply.category())),
        new Section("一、总体评价（请在所选项前的□内打√）", List.of("□满意　　□基本满意　　□不满意")),
        new Section("二、办前沟通联系", List.of(RATINGS)),
        new Section("三、办理态度", List.of(RATINGS)),
        new Section("四、意见和建议（选择“不满意”时请写明理由，承办单位将据此再次办理）",
            Collections.nCopies(WRITING_LINES, "")),
        new Section(null, List.of(
            "提出人（签名）：　　　　　　　　　　　　　　　年　　月　　日",
            "",
            "请填写后寄回或送交" + office + "，由其录入系统。"))));
  }
}
