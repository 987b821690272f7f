package org.proposalhandling.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The generated national session: N items spread over the handling units, every fifth led by one unit (jl-mz,
 * the unit with thousands of open items whose pages are timed), half with two co-handling units, every tenth
 * answered 不满意 and handled again. Texts of realistic length, so that database bytes compare with them.
 */
final class Session {

  static final String NAME = "省人大十四届三次会议";
  static final String BIG_UNIT = "jl-mz";

  /** One item of the session: its number, units and the texts that users write for it. */
  record Planned(int index, String number, String leadUnit, List<String> coUnits, boolean dissatisfied) {

    String title() {
      return "关于第" + index + "项民生工程建设的建议";
    }

    String content() {
      return ("建议加强第" + index + "项民生工程的统筹规划，完善资金保障和监督考核机制，")
          .repeat(12);
    }

    String opinion(String coUnit) {
      return "会办单位" + coUnit + "对第" + index + "号建议的会办意见：同意主办单位的办理思路，建议加大资金支持力度。";
    }

    String contactSummary() {
      return "电话联系提出人，听取对第" + index + "号建议办理工作的意见和要求。";
    }

    String reply(int round) {
      return ("第" + round + "次答复：感谢您对民生工作的关心。我们将认真研究您提出的第" + index + "项建议，"
          + "会同有关部门完善政策措施，加大资金投入，强化督促检查。").repeat(8);
    }

    String feedbackComments() {
      return dissatisfied ? "答复内容不够具体，请再次办理。" : "对答复满意。";
    }

    /** UTF-8 bytes of every text written for the item over its whole cycle. */
    long textBytes() {
      StringBuilder all = new StringBuilder(title()).append(content()).append(feedbackComments());
      int rounds = dissatisfied ? 2 : 1;
      for (int round = 1; round <= rounds; round++) {
        coUnits.forEach(unit -> all.append(opinion(unit)));
        all.append(contactSummary()).append(reply(round));
      }
      if (dissatisfied) {
        all.append("对答复满意。");
      }
      return all.toString().getBytes(StandardCharsets.UTF_8).length;
    }
  }

  private final List<Planned> items = new ArrayList<>();

  /** @param units the handling units' ids; {@link #BIG_UNIT} among them */
  Session(int size, List<String> units) {
    List<String> others = units.stream().filter(unit -> !unit.equals(BIG_UNIT)).toList();
    for (int i = 1; i <= size; i++) {
      String lead = i % 5 == 0 ? BIG_UNIT : others.get(i % others.size());
      List<String> co = i % 2 == 0
          ? List.of(others.get((i + 1) % others.size()), others.get((i + 2) % others.size()))
          : List.of();
      items.add(new Planned(i, "B" + i, lead, co, i % 10 == 3));
    }
  }

  List<Planned> items() {
    return items;
  }

  /** The import file as a clerk fills the template (CSV, the template's columns in order), units by name. */
  byte[] importFile(java.util.function.Function<String, String> unitName) {
    StringBuilder csv = new StringBuilder(line(List.of("会议届次", "编号", "类别", "标题", "内容", "提出人（领衔人）", "附议人",
        "提出人电子邮箱", "提出人联系电话", "提出日期", "是否同意公开答复", "建议主办单位", "建议会办单位")));
    for (Planned item : items) {
      csv.append(line(List.of(NAME, item.number(), "代表建议", item.title(), item.content(), "张三", "李四、王五",
          "p" + item.index() + "@bench.local", "0431-88000000", "2025-01-15", "同意", unitName.apply(item.leadUnit()),
          item.coUnits().stream().map(unitName).collect(Collectors.joining("、")))));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String line(List<String> cells) {
    return cells.stream().map(cell -> "\"" + cell.replace("\"", "\"\"") + "\"").collect(Collectors.joining(",")) + "\r\n";
  }
}
