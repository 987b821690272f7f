package org.proposalhandling.consultation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.proposalhandling.consultation.internal.Comment.Handling;
import org.proposalhandling.consultation.internal.Comment.Moderation;
import org.proposalhandling.consultation.internal.Comment.Source;
import org.proposalhandling.consultation.internal.ConsultedUnit.Answer;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.TextLength;
import org.springframework.stereotype.Component;

/**
 * The first draft of the 起草说明 (seed 004's sections: necessity, feasibility, drafting process, main
 * content, the questions to explain), written from what was recorded: the units consulted, the comments
 * received and how each was used, the public round, the versions. The parts only the drafter can write are
 * left as marked prompts; the drafter edits the whole before it goes to sign-off.
 */
@Component
class ExplanationDraft {

  static final String TO_WRITE = "【请填写】";
  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final Consultations consultations;
  private final Comments comments;
  private final UnitDirectory units;
  private final CommentSheet sheet;

  ExplanationDraft(Consultations consultations, Comments comments, UnitDirectory units, CommentSheet sheet) {
    this.consultations = consultations;
    this.comments = comments;
    this.units = units;
    this.sheet = sheet;
  }

  String of(Consultation consultation) {
    String unit = units.nameOf(consultation.draftingUnitId());
    List<Comment> all = comments.of(consultation.id());
    List<Comment> fromUnits = all.stream().filter(comment -> comment.source() == Source.UNIT).toList();
    List<Comment> fromPublic = all.stream()
        .filter(comment -> comment.source() == Source.PUBLIC && comment.moderation() != Moderation.HIDDEN).toList();
    List<ConsultedUnit> asked = consultations.allUnits(consultation.id());
    Set<String> unitIds = new LinkedHashSet<>(asked.stream().map(ConsultedUnit::unitId).toList());
    long noComment = asked.stream().filter(answer -> answer.answer() == Answer.NO_COMMENT).map(ConsultedUnit::unitId).distinct().count();
    long missed = asked.stream().filter(answer -> answer.answer() == Answer.MISSED).map(ConsultedUnit::unitId).distinct().count();
    int versions = consultations.versions(consultation.id()).size();

    StringBuilder text = new StringBuilder();
    text.append("关于起草《").append(consultation.title()).append("》有关情况的说明\n\n");
    text.append(unit).append("起草了《").append(consultation.title()).append("》（以下简称《草案》），现将有关情况说明如下：\n\n");
    text.append("一、关于必要性\n\n").append(TO_WRITE).append("制定《草案》的背景、依据和必要性。\n\n");
    text.append("二、关于可行性\n\n").append(TO_WRITE).append("政策支持、实施条件和各方共识。\n\n");
    text.append("三、起草过程\n\n");
    text.append(date(consultation.createdAt())).append("起，").append(unit)
        .append(consultation.round() > 1 ? "分 " + consultation.round() + " 轮" : "")
        .append("征求了 ").append(unitIds.size()).append(" 个单位的意见（")
        .append(String.join("、", unitIds.stream().map(units::nameOf).toList())).append("），")
        .append("收到意见 ").append(fromUnits.size()).append(" 条，").append(tally(fromUnits))
        .append("；").append(noComment).append(" 个单位无意见")
        .append(missed > 0 ? "，" + missed + " 个单位逾期未反馈" : "").append("。\n");
    if (consultation.publicOpens() != null) {
      text.append(chinese(consultation.publicOpens())).append("至").append(chinese(consultation.publicCloses()))
          .append("，通过网站公开征求社会公众意见，收到公众意见 ").append(fromPublic.size()).append(" 条，")
          .append(tally(fromPublic)).append("。\n");
    }
    text.append("经认真研究、修改完善，形成《草案》第 ").append(versions).append(" 稿。\n\n");
    text.append("四、主要内容\n\n").append(TO_WRITE).append("《草案》的结构和主要内容。\n\n");
    text.append("五、需要说明的问题\n\n");
    List<Comment> notAdopted = all.stream().filter(comment -> comment.handling() == Handling.NOT_ADOPTED).toList();
    if (notAdopted.isEmpty()) {
      text.append("各方意见均已采纳或部分采纳。");
    } else {
      text.append("以下意见未予采纳，理由如下：\n");
      int number = 1;
      for (Comment comment : notAdopted) {
        text.append(number++).append(". ").append(sheet.authorOf(comment)).append("：").append(abbreviate(comment.body()))
            .append(" —— ").append(comment.handlingReason()).append('\n');
      }
    }
    return text.toString().strip() + "\n";
  }

  private static String tally(List<Comment> list) {
    return "其中采纳 " + count(list, Handling.ADOPTED) + " 条、部分采纳 " + count(list, Handling.PARTLY) + " 条、未采纳 "
        + count(list, Handling.NOT_ADOPTED) + " 条（未采纳的均已说明理由）";
  }

  private static long count(List<Comment> list, Handling handling) {
    return list.stream().filter(comment -> comment.handling() == handling).count();
  }

  private static String date(Instant instant) {
    return chinese(LocalDate.ofInstant(instant, EngineClock.zone()));
  }

  private static String chinese(LocalDate day) {
    return day.format(CHINESE_DATE);
  }

  private static String abbreviate(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return TextLength.abbreviate(line, 60);
  }
}
