package org.proposalhandling.intakeimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;

/** The similarity's bounds: the closest few per title, a count of the rest, comparisons that stop. */
@ModelLayer
class TitleSimilarityTest {

  @Test
  void aFileRepeatingOneTitleAgainstAsManyRegisteredKeepsTheClosestFewAndCountsTheRest() {
    List<String> titles = new ArrayList<>(Collections.nCopies(30_000, "关于加强社区养老服务的建议"));

    TitleSimilarity.Result result = TitleSimilarity.similar(titles, 15_000, 5);

    assertThat(result.complete()).isTrue();
    assertThat(result.found()).hasSize(15_000).allSatisfy(found -> {
      assertThat(found.closest()).hasSize(5).allSatisfy(match -> assertThat(match.similarity()).isEqualTo(1.0));
      assertThat(found.count()).isEqualTo(29_999);
    });
    assertThat(result.found().get(0).closest()).extracting(TitleSimilarity.Match::index).doesNotContain(0);
  }

  @Test
  void titlesThatReadAlikeAreFoundBestFirstAndOthersNot() {
    List<String> titles = List.of("关于进一步加强社区养老服务的建议", "关于保护黑土地耕地质量的提案",
        "关于进一步加强社区养老服务工作的建议", "关于加强社区养老服务的建议", "关于进一步加强社区养老服务的提案");

    TitleSimilarity.Result result = TitleSimilarity.similar(titles, 3, 5);

    assertThat(result.found().get(0).closest()).extracting(TitleSimilarity.Match::index).containsExactly(4, 2, 3);
    assertThat(result.found().get(0).count()).isEqualTo(3);
    assertThat(result.found().get(1).closest()).isEmpty();
    assertThat(result.found().get(1).count()).isZero();
  }

  @Test
  void comparisonsBeyondTheBudgetStopAndSaySo() {
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      titles.add("关于进一步加强和改进全省城乡社区养老服务体系建设第" + i + "号");
    }

    TitleSimilarity.Result cut = TitleSimilarity.similar(titles, 1_000, 5, 10_000);
    TitleSimilarity.Result whole = TitleSimilarity.similar(titles, 1_000, 5);

    assertThat(cut.complete()).isFalse();
    assertThat(whole.complete()).isTrue();
    assertThat(whole.found()).allSatisfy(found -> assertThat(found.count()).isEqualTo(999));
  }
}
