package org.proposalhandling.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;

/** Mainland mobile numbers: +86 and separators accepted, stored as 11 digits, shown masked, anything else refused in Chinese. */
@ModelLayer
class MobileNumbersTest {

  @Test
  void aMainlandNumberIsStoredAsItsElevenDigitsWhateverItsWriting() {
    assertThat(MobileNumbers.normalise("13800138000")).contains("13800138000");
    assertThat(MobileNumbers.normalise("+86 138-0013-8000")).contains("13800138000");
    assertThat(MobileNumbers.normalise("0086 19912345678")).contains("19912345678");
    assertThat(MobileNumbers.normalise("8613800138000")).contains("13800138000");
  }

  @Test
  void whatIsNoMainlandMobileIsRefusedInChinese() {
    assertThat(MobileNumbers.normalise("0431-88900001")).isEmpty();
    assertThat(MobileNumbers.normalise("12800138000")).isEmpty();
    assertThat(MobileNumbers.normalise("1380013800")).isEmpty();
    assertThat(MobileNumbers.normalise("+1 13800138000")).isEmpty();
    assertThat(MobileNumbers.normalise(null)).isEmpty();
    assertThatThrownBy(() -> MobileNumbers.require("0431-88900001"))
        .hasMessage("「0431-88900001」不是有效的手机号码：应为 11 位中国大陆手机号，可带 +86。");
  }

  @Test
  void aLoggedNumberHidesItsMiddleFourDigits() {
    assertThat(MobileNumbers.mask("13800138000")).isEqualTo("138****8000");
  }
}
