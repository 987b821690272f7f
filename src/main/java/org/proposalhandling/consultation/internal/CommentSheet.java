package org.proposalhandling.consultation.internal;

import java.util.List;
import org.proposalhandling.consultation.internal.Comment.Source;
import org.proposalhandling.directory.UnitDirectory;
import org.springframework.stereotype.Component;

/** The comments of a consultation as plain text, side by side with their handling, for the read-only box of a form. */
@Component
class CommentSheet {

  private final Comments comments;
  private final UnitDirectory units;

  CommentSheet(Comments comments, UnitDirectory units) {
    this.comments = comments;
    this.units = units;
  }

  String of(Consultation consultation, Source source) {
    List<Comment> list = comments.of(consultation.id()).stream().filter(comment -> comment.source() == source).toList();
    if (list.isEmpty()) {
      return source == Source.UNIT ? "（各单位均无意见或未反馈）" : "（未收到公众意见）";
    }
    StringBuilder sheet = new StringBuilder();
    int number = 1;
    for (Comment comment : list) {
      sheet.append(number++).append(". ").append(authorOf(comment)).append("（第 ").append(comment.round()).append(" 轮）：")
          .append(comment.body()).append('\n');
      sheet.append("   处理：").append(handlingOf(comment)).append("\n\n");
    }
    return sheet.toString().strip();
  }

  public String authorOf(Comment comment) {
    return comment.source() == Source.UNIT ? units.nameOf(comment.unitId())
        : (comment.author() == null ? "公众" : comment.author());
  }

  private static String handlingOf(Comment comment) {
    if (comment.moderation() == Comment.Moderation.PENDING) {
      return "待审核";
    }
    if (comment.moderation() == Comment.Moderation.HIDDEN) {
      return "不予公开（无需处理）";
    }
    if (comment.handling() == null) {
      return "尚未处理";
    }
    return comment.handling().label() + (comment.handlingReason() == null ? "" : "。" + comment.handlingReason());
  }
}
