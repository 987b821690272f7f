package org.proposalhandling.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.proposalhandling.item.CoSigner;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemKind;
import org.proposalhandling.support.ModelLayer;

/** The letter's salutation when the drafter wrote none: seed 003's for one person, the lead and the count for a joint item. */
@ModelLayer
class SalutationTest {

  @Test
  void onePersonIsAddressedAsSeed003Does() {
    assertThat(ReplyLetterSource.salutationFor(item(ItemKind.MEMBER_PROPOSAL, List.of()))).isEqualTo("尊敬的秦清亮委员");
  }

  @Test
  void aJointItemIsAddressedToItsLeadProposerAndTheirNumber() {
    List<CoSigner> two = List.of(new CoSigner(1, "李四", CoSigner.Kind.SECONDING, null, null, null),
        new CoSigner(2, "王五", CoSigner.Kind.SECONDING, null, null, null));
    assertThat(ReplyLetterSource.salutationFor(item(ItemKind.DEPUTY_SUGGESTION, two))).isEqualTo("尊敬的秦清亮代表等3位代表");
    assertThat(ReplyLetterSource.salutationFor(item(ItemKind.PARTY_GROUP_PROPOSAL, two))).isEqualTo("秦清亮");
  }

  @Test
  void eachProposerOfAJointItemAloneByHisPosition() {
    List<CoSigner> two = List.of(new CoSigner(1, "李四", CoSigner.Kind.SECONDING, null, null, null),
        new CoSigner(2, "王五", CoSigner.Kind.SECONDING, null, null, null));
    assertThat(ReplyLetterSource.salutationFor(item(ItemKind.DEPUTY_SUGGESTION, two), 0)).isEqualTo("尊敬的秦清亮代表");
    assertThat(ReplyLetterSource.salutationFor(item(ItemKind.DEPUTY_SUGGESTION, two), 2)).isEqualTo("尊敬的王五代表");
  }

  private static Item item(ItemKind kind, List<CoSigner> coSigners) {
    return new Item("id", "jl-gov", "会议", "1", kind, "标题", "内容", "秦清亮", coSigners, null, null, false, null, null,
        null, null, null, false, null, null, null, 1, null, null, null, null);
  }
}
