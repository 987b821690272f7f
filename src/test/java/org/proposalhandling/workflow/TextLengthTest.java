package org.proposalhandling.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;

/** Lengths in characters: 𠮷 (U+20BB7) is one character and two UTF-16 units. */
@ModelLayer
class TextLengthTest {

  @Test
  void aRareCharacterCountsOnceAndIsNeverCutInHalf() {
    assertThat(TextLength.of("𠮷".repeat(300))).isEqualTo(300);
    assertThat(TextLength.atMost("𠮷".repeat(500), "标题", 500)).hasSize(1000);
    assertThatThrownBy(() -> TextLength.atMost("𠮷".repeat(501), "标题", 500))
        .isInstanceOf(FormValidationException.class).hasMessage("「标题」不能超过 500 个字（现有 501 个字）。");
    assertThat(TextLength.cut("a𠮷b", 2)).isEqualTo("a𠮷");
    assertThat(TextLength.abbreviate("𠮷𠮷𠮷", 2)).isEqualTo("𠮷…");
    assertThat(TextLength.abbreviate("𠮷𠮷", 2)).isEqualTo("𠮷𠮷");
  }

  @Test
  void aSummaryCutToItsColumnsUnitsKeepsEveryCharacterWhole() {
    // 1,998 units of 吉 then 𠮷 across the 1,999th and 2,000th: it goes whole to the next line, not in half.
    String summary = "吉".repeat(1998) + "𠮷".repeat(10);
    String cut = TextLength.abbreviateToUnits(summary, 2000);
    assertThat(cut).hasSizeLessThanOrEqualTo(2000).endsWith("吉…");
    assertThat(cut.codePoints().noneMatch(point -> Character.isSurrogate((char) point))).isTrue();
    assertThat(TextLength.abbreviateToUnits("吉".repeat(1997) + "𠮷𠮷", 2000)).endsWith("吉𠮷…").hasSize(2000);
    assertThat(TextLength.abbreviateToUnits("短", 2000)).isEqualTo("短");
  }
}
