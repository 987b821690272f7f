package org.proposalhandling.sms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;

/** Chinese texts in UCS2: 70 characters in one SMS, longer ones in segments of 67 behind a concatenation header. */
@ModelLayer
class Ucs2SegmentsTest {

  @Test
  void seventyCharactersGoAsOneSmsWithoutHeader() {
    List<byte[]> segments = Ucs2Segments.of("短".repeat(70), 7);
    assertThat(segments).singleElement().satisfies(segment -> {
      assertThat(segment).hasSize(140);
      assertThat(Ucs2Segments.text(segment, false)).isEqualTo("短".repeat(70));
    });
  }

  @Test
  void seventyOneCharactersGoAsTwoSegmentsThatNameTheirReferenceCountAndNumber() {
    List<byte[]> segments = Ucs2Segments.of("长".repeat(71), 0x1234);
    assertThat(segments).hasSize(2);
    assertThat(segments.get(0)).startsWith(5, 0, 3, 0x34, 2, 1).hasSize(6 + 67 * 2);
    assertThat(segments.get(1)).startsWith(5, 0, 3, 0x34, 2, 2).hasSize(6 + 4 * 2);
    assertThat(Ucs2Segments.text(segments.get(0), true) + Ucs2Segments.text(segments.get(1), true)).isEqualTo("长".repeat(71));
  }

  @Test
  void aCharacterOutsideTheBasicPlaneIsNeverCutInTwo() {
    String text = "甲".repeat(66) + "𠮷" + "乙".repeat(10);
    List<byte[]> segments = Ucs2Segments.of(text, 1);
    assertThat(Ucs2Segments.text(segments.get(0), true)).isEqualTo("甲".repeat(66));
    assertThat(Ucs2Segments.text(segments.get(1), true)).startsWith("𠮷");
    assertThat(new String(segments.get(1), 6, 4, StandardCharsets.UTF_16BE)).isEqualTo("𠮷");
  }
}
