package org.proposalhandling.ledger.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.Satisfaction;
import org.proposalhandling.letter.PrintedForm;
import org.proposalhandling.letter.PrintedForm.Section;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.OfficeClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 办理单: the item's record as the item page shows it, on one A4 page for the paper file (item, assignment,
 * deadlines, co-handling opinions, contact with the proposer, replies with their numbers, feedback, supervision
 * and reminders). Long texts are cut to fit, each ending with 「（全文见系统）」; the proposer's contact details are
 * never printed, whoever prints.
 */
@Component
class ItemSheet {

  private static final Set<String> SUPERVISION = labels(EnumSet.of(ItemEventKind.SUPERVISED, ItemEventKind.YELLOW_WARNING,
      ItemEventKind.RED_WARNING, ItemEventKind.CO_HANDLING_OVERDUE, ItemEventKind.FEEDBACK_REMINDED));
  private static final Set<String> EXTENSION = labels(EnumSet.of(ItemEventKind.EXTENSION_REQUESTED,
      ItemEventKind.EXTENSION_GRANTED, ItemEventKind.EXTENSION_REFUSED));
  private static final Map<String, String> RATINGS = Map.of("GOOD", "好", "FAIR", "较好", "AVERAGE", "一般", "POOR", "差");

  private final JdbcClient jdbc;
  private final OfficeClock clock;

  ItemSheet(JdbcClient jdbc, OfficeClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  PrintedForm of(ItemDossier.View view) {
    Item item = view.item();
    List<Section> sections = new ArrayList<>();
    sections.add(new Section(null, List.of(
        "编号：" + item.reference(),
        "标题：" + item.title(),
        "类别：" + item.kind().label() + "　　会议：" + item.sessionName(),
        "提出人：" + item.proposerWithCoSigners(),
        "提出日期：" + text(item.filedOn()) + "　　办理阶段：" + item.status().label(item.handlingRound())
            + "　　满意度：" + (item.satisfaction() == null ? "" : item.satisfaction().label()))));
    sections.add(new Section("一、交办", List.of(
        "交办机构：" + view.office() + "　　交办日期：" + text(item.assignedOn()) + "　　重点督办：" + (item.keyItem() ? "是" : "否"),
        "主办单位：" + text(view.leadUnit()),
        "会办单位：" + (view.coHandlingUnits().isEmpty() ? "无" : String.join("、", view.coHandlingUnits())))));
    List<String> deadlines = new ArrayList<>();
    deadlines.add("答复期限：" + text(item.replyDue()) + (view.replyDueProvisional() ? "（暂定）" : "")
        + "　　会办期限：" + text(item.coHandlingDue()));
    steps(view, EXTENSION).ifPresent(deadlines::add);
    sections.add(new Section("二、期限", deadlines));
    sections.add(new Section("三、会办意见", joined(view.opinions().stream()
        .map(opinion -> opinion.unit() + "（" + opinion.when() + round(opinion.round()) + "）：" + opinion.text()).toList())));
    sections.add(new Section("四、沟通联系", joined(contacts(item.id()))));
    List<String> replies = new ArrayList<>();
    for (Reply reply : view.replies()) {
      replies.add(prefix(reply.round()) + "发文字号：" + text(reply.documentNumber())
          + "　　答复类别：" + text(reply.category())
          + "　　签发：" + clock.date(reply.signedAt())
          + "　　送达：" + clock.date(reply.deliveredAt())
          + "　　承办人：" + text(reply.handlerName()));
      replies.add("答复正文：" + text(reply.body()).strip().replaceAll("\\s*\\R\\s*", " "));
    }
    sections.add(new Section("五、答复", replies.isEmpty() ? List.of("尚未答复") : replies));
    sections.add(new Section("六、反馈", joined(feedback(item.id(), view.replies()))));
    sections.add(new Section("七、督办与催办", List.of(steps(view, SUPERVISION).orElse("无"))));
    sections.add(new Section(null, List.of("打印时间：" + clock.dateTime(EngineClock.now()))));
    return new PrintedForm(item.kind().label() + "办理单", sections);
  }

  private List<String> contacts(String itemId) {
    return jdbc.sql("select round, contacted_on, means, summary from contact_record where item_id = ? order by round")
        .param(itemId)
        .query((rs, row) -> rs.getDate("contacted_on").toLocalDate() + round(rs.getInt("round")) + "，"
            + rs.getString("means") + "：" + rs.getString("summary"))
        .list();
  }

  /** Each delivered round's answer, 未反馈 while none is recorded: never taken as satisfied. */
  private List<String> feedback(String itemId, List<Reply> replies) {
    Map<Integer, String> answers = jdbc.sql("select round, satisfaction, contact_rating, attitude_rating, comments from feedback where item_id = ?")
        .param(itemId)
        .query((rs, row) -> Map.entry(rs.getInt("round"), Satisfaction.valueOf(rs.getString("satisfaction")).label()
            + "，办前沟通联系" + rating(rs.getString("contact_rating"))
            + "，办理态度" + rating(rs.getString("attitude_rating"))
            + (rs.getString("comments") == null ? "" : "，意见：" + rs.getString("comments"))))
        .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    return replies.stream().filter(reply -> reply.deliveredAt() != null)
        .map(reply -> prefix(reply.round()) + answers.getOrDefault(reply.round(), "未反馈")).toList();
  }

  /** A rating's words; none (a 未反馈 recorded without ratings) reads 未评. */
  private static String rating(String value) {
    return value == null ? "未评" : RATINGS.getOrDefault(value, "未评");
  }

  /** The timeline's steps of these kinds as one paragraph, oldest first. */
  private static Optional<String> steps(ItemDossier.View view, Set<String> kinds) {
    List<String> steps = view.timeline().stream().filter(step -> step.mail() == null && kinds.contains(step.what()))
        .map(step -> step.when() + " " + step.what() + "（" + step.who() + "）" + (step.summary() == null ? "" : "：" + step.summary()))
        .toList();
    return steps.isEmpty() ? Optional.empty() : Optional.of(String.join("；", steps));
  }

  /** Entries of a list as one paragraph, so that a list of any length takes what the page leaves it. */
  private static List<String> joined(List<String> entries) {
    return List.of(entries.isEmpty() ? "无" : String.join("；", entries));
  }

  private static String round(int round) {
    return round > 1 ? "，第" + round + "轮" : "";
  }

  private static String prefix(int round) {
    return round > 1 ? "第" + round + "轮：" : "";
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static Set<String> labels(Set<ItemEventKind> kinds) {
    return kinds.stream().map(ItemEventKind::label).collect(Collectors.toSet());
  }
}
