package org.proposalhandling.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;

/** The types of the fields no deployed form has yet (number) and the edges of the others, as pure logic. */
@ModelLayer
class FormFieldTest {

  @Test
  void aNumberFieldTakesANumberOnly() {
    FormField copies = new FormField("copies", "份数", "number", List.of());
    assertThat(copies.refusal(5)).isNull();
    assertThat(copies.refusal(2.5)).isNull();
    assertThat(copies.refusal("5")).isEqualTo("「份数」应为数字，提交的却是文字：5。");
    assertThat(copies.refusal(true)).isEqualTo("「份数」应为数字，提交的却是是否值：true。");
  }

  @Test
  void blankAndMissingValuesAreLeftToTheFormsRequiredChecksButACheckboxNeedsABoolean() {
    FormField date = new FormField("contactedOn", "联系日期", "datetime", List.of());
    assertThat(date.refusal(null)).isNull();
    assertThat(date.refusal("")).isNull();
    assertThat(date.refusal(new Date())).isNull();
    assertThat(date.refusal("2025-03-01T00:00:00")).isNull();
    assertThat(date.refusal("昨天")).isEqualTo("「联系日期」应为日期（如 2025-03-01），提交的却是文字：昨天。");
    assertThat(new FormField("keyItem", "重点督办", "checkbox", List.of()).refusal(""))
        .isEqualTo("「重点督办」应为是或否（true 或 false），提交的却是文字：。");
    assertThat(new FormField("coHandlingUnits", "会办单位", "taglist", List.of()).refusal(7))
        .isEqualTo("「会办单位」应为选项列表，提交的却是数字：7。");
  }

  @Test
  void aLongRefusedValueIsShownAbbreviatedInCharacters() {
    FormField means = new FormField("contactMeans", "联系方式", "select", List.of("PHONE"));
    assertThat(means.refusal("𠮷".repeat(60))).isEqualTo("「联系方式」的取值“" + "𠮷".repeat(49) + "…”无效，可选：PHONE。");
  }
}
