package org.proposalhandling.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;

/** What reads alike, and the bounds: the closest few per text, a count of the rest, comparisons that stop. */
@ModelLayer
class TextSimilarityTest {

  @Test
  void aFileRepeatingOneTitleAgainstAsManyRegisteredKeepsTheClosestFewAndCountsTheRest() {
    List<String> titles = new ArrayList<>(Collections.nCopies(30_000, TextSimilarity.fingerprint("关于加强社区养老服务的建议", null)));

    TextSimilarity.Result result = TextSimilarity.similar(titles, 15_000, 5);

    assertThat(result.complete()).isTrue();
    assertThat(result.found()).hasSize(15_000).allSatisfy(found -> {
      assertThat(found.closest()).hasSize(5).allSatisfy(match -> assertThat(match.similarity()).isEqualTo(1.0));
      assertThat(found.count()).isEqualTo(29_999);
    });
    assertThat(result.found().get(0).closest()).extracting(TextSimilarity.Match::index).doesNotContain(0);
  }

  @Test
  void titlesThatReadAlikeAreFoundBestFirstAndOthersNot() {
    List<String> titles = Stream.of("关于进一步加强社区养老服务的建议", "关于保护黑土地耕地质量的提案",
        "关于进一步加强社区养老服务工作的建议", "关于加强社区养老服务的建议", "关于进一步加强社区养老服务的提案")
        .map(title -> TextSimilarity.fingerprint(title, null)).toList();

    TextSimilarity.Result result = TextSimilarity.similar(titles, 3, 5);

    assertThat(result.found().get(0).closest()).extracting(TextSimilarity.Match::index).containsExactly(4, 2, 3);
    assertThat(result.found().get(0).count()).isEqualTo(3);
    assertThat(result.found().get(1).closest()).isEmpty();
    assertThat(result.found().get(1).count()).isZero();
  }

  @Test
  void comparisonsBeyondTheBudgetStopAndSaySo() {
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      titles.add(TextSimilarity.fingerprint("关于进一步加强和改进全省城乡社区养老服务体系建设第" + i + "号", null));
    }

    TextSimilarity.Result cut = TextSimilarity.similar(titles, 1_000, 5, 500_000);
    TextSimilarity.Result whole = TextSimilarity.similar(titles, 1_000, 5);

    assertThat(cut.complete()).isFalse();
    assertThat(whole.complete()).isTrue();
    assertThat(whole.found()).allSatisfy(found -> assertThat(found.count()).isEqualTo(999));
  }

  @Test
  void theSameTextUnderAnotherTitleReadsAlikeAndTheSameTitleOverAnotherTextDoesNot() {
    String text = "我省60岁以上老年人口已超过600万，社区养老服务设施不足、专业护理人员短缺。建议一、加快建设社区老年驿站；"
        + "二、推进医养结合，支持基层医疗机构开展上门服务；三、加强养老护理员培训和职业激励。";
    List<String> fingerprints = List.of(TextSimilarity.fingerprint("关于加强社区养老服务的建议", text),
        TextSimilarity.fingerprint("关于完善老年驿站建设的提案", text),
        TextSimilarity.fingerprint("关于加强社区养老服务的建议", "黑土地是耕地中的大熊猫，近年来黑土层变薄、有机质下降。建议实施保护性耕作，"
            + "推广秸秆还田和深松整地，建立黑土地质量监测网络。"));

    TextSimilarity.Result result = TextSimilarity.similar(fingerprints, 3, 5);

    assertThat(result.found().get(0).closest()).extracting(TextSimilarity.Match::index).containsExactly(1);
    assertThat(result.found().get(2).closest()).isEmpty();
  }
}
