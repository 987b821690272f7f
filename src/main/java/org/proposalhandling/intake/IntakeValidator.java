package org.proposalhandling.intake;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.proposalhandling.directory.NoticeChannels;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.CoSigner;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemKind;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.FormValues;
import org.proposalhandling.workflow.TextLength;
import org.springframework.stereotype.Component;

/**
 * The checks of the intake form (登记表), for every way an item is registered: a clerk's start form, whose
 * listener refuses the first problem, and each row of a bulk import, which lists every problem of every row
 * before anything starts. Each problem names the form's field and says in Chinese what is wrong.
 */
@Component
public class IntakeValidator {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  /** The start form's 答复通知方式 when the office leaves the default (mail where an address is known, else SMS). */
  static final String AUTOMATIC_NOTICE = "AUTO";
  private static final List<String> NOTICE_CHOICES = List.of(AUTOMATIC_NOTICE, "MAIL", "SMS", "BOTH");

  /** A field's value refused, with the Chinese message the user reads. */
  public record Problem(String field, String message) {
  }

  /** What the checks found: the item to register when there is no problem, else every problem in the form's order. */
  public record Checked(Item item, List<Problem> problems) {

    public boolean valid() {
      return problems.isEmpty();
    }
  }

  private final UnitDirectory units;

  IntakeValidator(UnitDirectory units) {
    this.units = units;
  }

  /** Checks the values of the intake form's fields (by their keys) as the start form would submit them. */
  public Checked check(Map<String, ?> values, Unit office) {
    return check(FormValues.of(scopeOf(values)), office, null);
  }

  Checked check(FormValues form, Unit office, String processInstanceId) {
    List<Problem> problems = new ArrayList<>();
    String kind = field(problems, "kind", () -> form.requiredChoice("kind", "类别",
        Arrays.stream(ItemKind.values()).map(Enum::name).toList()));
    String email = field(problems, "proposerEmail", () -> email(form.optionalText("proposerEmail", "提出人电子邮箱", 200)));
    String consent = field(problems, "publicationConsent", () ->
        form.requiredChoice("publicationConsent", "是否同意公开答复", List.of("yes", "no", "true", "false")));
    String session = field(problems, "sessionName", () -> withoutEmoji(
        TextLength.atMost(form.requiredText("sessionName", "会议届次"), "会议届次", 100), "会议届次"));
    String number = field(problems, "number", () -> withoutEmoji(TextLength.atMost(form.requiredText("number", "编号"), "编号", 50), "编号"));
    String title = field(problems, "title", () -> withoutEmoji(TextLength.atMost(form.requiredText("title", "标题"), "标题", 500), "标题"));
    String content = field(problems, "content", () -> withoutEmoji(form.requiredText("content", "内容"), "内容"));
    String proposer = field(problems, "proposerName", () -> withoutEmoji(
        TextLength.atMost(form.requiredText("proposerName", "提出人（领衔人）"), "提出人（领衔人）", 200), "提出人（领衔人）"));
    List<CoSigner> coSigners = field(problems, "coSigners", () -> CoSignerList.parse(
        withoutEmoji(form.optionalText("coSigners", CoSignerList.LABEL, 4000), CoSignerList.LABEL), proposer,
        kind == null ? ItemKind.DEPUTY_SUGGESTION : ItemKind.valueOf(kind)));
    String phone = field(problems, "proposerPhone", () ->
        withoutEmoji(form.optionalText("proposerPhone", "提出人联系电话", 50), "提出人联系电话"));
    LocalDate filedOn = field(problems, "filedOn", () -> form.optionalDate("filedOn", "提出日期"));
    String notice = field(problems, "proposerNotice", () -> form.text("proposerNotice") == null ? AUTOMATIC_NOTICE
        : form.requiredChoice("proposerNotice", "答复通知方式", NOTICE_CHOICES));
    String proposedLead = field(problems, "proposedLeadUnit", () -> {
      String nameOrId = form.text("proposedLeadUnit");
      return nameOrId == null ? null : handlingUnitId(nameOrId, "建议主办单位", office);
    });
    if (!problems.isEmpty()) {
      return new Checked(null, List.copyOf(problems));
    }
    return new Checked(new Item(
        UUID.randomUUID().toString(), office.id(), session, number, ItemKind.valueOf(kind), title, content, proposer,
        coSigners, email, phone, consent.equals("yes") || consent.equals("true"), filedOn, proposedLead,
        ItemStatus.REGISTERED, null, null, false, null, null, null, 1,
        EngineClock.now(), processInstanceId, null, AUTOMATIC_NOTICE.equals(notice) ? null : NoticeChannels.valueOf(notice)),
        List.of());
  }

  /**
   * The id of the handling unit named (by its full name, its id, or its short name where one unit of the office's
   * jurisdiction has it) in a field with this label, if it is in the office's jurisdiction; else a refusal that names
   * an example of a unit the office may assign to.
   */
  public String handlingUnitId(String nameOrId, String label, Unit office) {
    return units.findByName(nameOrId).or(() -> units.find(nameOrId))
        .or(() -> units.findByShortName(nameOrId, office.id()))
        .filter(unit -> units.inJurisdiction(office.id(), unit.id()))
        .map(Unit::id)
        .orElseThrow(() -> new FormValidationException("「" + label + "」中的“" + nameOrId
            + "”不是" + office.name() + "交办范围内的承办单位，请填写单位全称或简称，例如：" + example(office) + "。"));
  }

  private String example(Unit office) {
    return units.jurisdictionOf(office.id()).stream().findFirst().map(Unit::name).orElse("承办单位全称");
  }

  /**
   * Refuses emoji: no official letter prints them (GB/T 9704), and a mark put in their place would change a
   * deputy's name or title in the record without anyone deciding it. Refused here, the clerk asks the proposer
   * while the item is still in hand. An emoji is a character of the pictograph blocks of plane 1 (U+1F000 to
   * U+1FAFF: faces, symbols, flags' letters, skin tones), or the emoji presentation selector U+FE0F or the
   * keycap U+20E3, which make an emoji of the character before them (❤️, 1️⃣).
   */
  private static String withoutEmoji(String text, String label) {
    if (text == null) {
      return null;
    }
    int[] codePoints = text.codePoints().toArray();
    for (int i = 0; i < codePoints.length; i++) {
      int codePoint = codePoints[i];
      boolean modifier = codePoint == 0xFE0F || codePoint == 0x20E3;
      if (modifier || codePoint >= 0x1F000 && codePoint <= 0x1FAFF) {
        String emoji = modifier && i > 0 ? new String(codePoints, i - 1, 2) : Character.toString(codePoint);
        throw new FormValidationException("「" + label + "」中有表情符号“" + emoji + "”，公文不印表情符号，请删去。");
      }
    }
    return text;
  }

  private static <T> T field(List<Problem> problems, String field, Supplier<T> check) {
    try {
      return check.get();
    } catch (FormValidationException e) {
      problems.add(new Problem(field, e.getMessage()));
      return null;
    }
  }

  private static String email(String email) {
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw new FormValidationException("「提出人电子邮箱」格式不正确：" + email + "。");
    }
    return email;
  }

  /**
   * FormValues reads its values from a variable scope, by name; a row of values outside any process is such a
   * scope, read-only. (A FormValues factory taking a map, in workflow, would make this adapter unnecessary.)
   */
  private static VariableScope scopeOf(Map<String, ?> values) {
    return (VariableScope) Proxy.newProxyInstance(VariableScope.class.getClassLoader(), new Class<?>[] {VariableScope.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getVariable") && args != null && args.length == 1) {
            return values.get(args[0]);
          }
          throw new UnsupportedOperationException("A row of values is read by name only: " + method.getName());
        });
  }
}
