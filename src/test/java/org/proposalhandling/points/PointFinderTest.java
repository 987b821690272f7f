package org.proposalhandling.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;

@ModelLayer
class PointFinderTest {

  private static List<String> points(String proposal) {
    return PointFinder.find(proposal).stream().map(Point::text).toList();
  }

  @Test
  void findsTheNumberedSuggestionsOfEachNumbering() {
    List<String> expected = List.of("加强养老保险联动", "发展养老社区", "培养护理人才");
    assertThat(points("建议如下：\n一、加强养老保险联动；\n二、发展养老社区；\n三、培养护理人才。")).isEqualTo(expected);
    assertThat(points("（一）加强养老保险联动\n（二）发展养老社区\n（三）培养护理人才")).isEqualTo(expected);
    assertThat(points("1.加强养老保险联动\n2.发展养老社区\n3.培养护理人才")).isEqualTo(expected);
    assertThat(points("1、加强养老保险联动；2、发展养老社区；3、培养护理人才。")).isEqualTo(expected);
    assertThat(points("(1)加强养老保险联动 (2)发展养老社区 (3)培养护理人才")).isEqualTo(expected);
    assertThat(points("第一条，加强养老保险联动。第二条，发展养老社区。第三条，培养护理人才。")).isEqualTo(expected);
    assertThat(points("①加强养老保险联动；②发展养老社区；③培养护理人才。")).isEqualTo(expected);
    assertThat(points("为此建议：一是加强养老保险联动；二是发展养老社区；三是培养护理人才。")).isEqualTo(expected);
  }

  @Test
  void yearsDecimalsAndQuotedArticlesOpenNoPoint() {
    assertThat(points("2023年全省建成养老机构1549个，增长23.5%，建议按《条例》第一条的规定加大投入。")).hasSize(1);
  }

  @Test
  void aTextWithoutNumberingIsOnePoint() {
    assertThat(points("建议建立农村留守老年人定期探访制度，发挥村级互助养老服务设施作用。"))
        .containsExactly("建议建立农村留守老年人定期探访制度，发挥村级互助养老服务设施作用。");
    assertThat(points("   ")).isEmpty();
  }

  @Test
  void nestedNumbersStayInTheirOuterPoint() {
    assertThat(points("一、完善政策\n（一）出台条例\n（二）制定标准\n二、加大投入\n三、培养人才"))
        .containsExactly("完善政策\n（一）出台条例\n（二）制定标准", "加大投入", "培养人才");
  }

  @Test
  void theSuggestionsSectionIsPreferredOverTheProblemsSection() {
    String proposal = """
        一、存在的问题
        （一）设施不足
        （二）人才短缺
        二、对策建议
        （一）加大设施建设投入
        （二）培养护理人才
        （三）完善扶持政策
        """;
    assertThat(points(proposal)).containsExactly("加大设施建设投入", "培养护理人才", "完善扶持政策");
  }

  @Test
  void ofTwoListsTheOneIntroducedAsSuggestionsIsTaken() {
    String proposal = "当前主要问题有：1.设施不足；2.人才短缺。为此提出以下建议：1.加大设施投入；2.培养护理人才；3.完善扶持政策。";
    assertThat(points(proposal)).containsExactly("加大设施投入", "培养护理人才", "完善扶持政策");
  }

  @Test
  void theLastPointEndsAtABlankLine() {
    assertThat(points("一、加大投入\n二、培养人才\n\n以上建议，请予研究。")).containsExactly("加大投入", "培养人才");
  }

  @Test
  void pointsAreNumberedFromOneAndLabelledInChinese() {
    List<Point> points = PointFinder.find("一、加快医养康养护工、治疗师服务专业化、产业化发展\n二、发展养老社区");
    assertThat(points.get(0).label()).isEqualTo("第一条");
    assertThat(points.get(0).summary()).isEqualTo("加快医养康养护工、治疗师服务专业化、产业…");
    assertThat(points.get(1).ordinal()).isEqualTo(2);
  }
}
