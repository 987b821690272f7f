package org.proposalhandling.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;

/** Line breaking on the grid, with glyphs of the widths CJK fonts give them: 1 em, Latin half an em. */
@ModelLayer
class LineBreakerTest {

  private static final float SPACING = TypeArea.CHARACTER_PITCH - TypeArea.TYPE_SIZE;
  private final LineBreaker breaker = new LineBreaker(SPACING);

  @Test
  void aLineHolds28Characters() {
    List<String> lines = lines("一".repeat(60));
    assertThat(lines).containsExactly("一".repeat(28), "一".repeat(28), "一".repeat(4));
  }

  @Test
  void closingPunctuationNeverOpensALine() {
    List<String> lines = lines("二".repeat(28) + "。三");
    assertThat(lines).containsExactly("二".repeat(27), "二。三");
  }

  @Test
  void twoClosingMarksPushTheirCharacterDownTogether() {
    List<String> lines = lines("二".repeat(26) + "四”。五");
    assertThat(lines).containsExactly("二".repeat(26), "四”。五");
  }

  @Test
  void openingPunctuationNeverEndsALine() {
    List<String> lines = lines("二".repeat(27) + "《五》");
    assertThat(lines).containsExactly("二".repeat(27), "《五》");
  }

  @Test
  void numbersStayWhole() {
    List<String> lines = lines("二".repeat(27) + "24.6亿元");
    assertThat(lines).containsExactly("二".repeat(27), "24.6亿元");
  }

  @Test
  void theFirstLineLeavesRoomForItsIndent() {
    float indent = 2 * TypeArea.CHARACTER_PITCH;
    List<List<Glyph>> lines = breaker.lines(glyphs("一".repeat(30)), TypeArea.WIDTH - indent, TypeArea.WIDTH);
    assertThat(lines).extracting(List::size).containsExactly(26, 4);
  }

  private List<String> lines(String text) {
    return breaker.lines(glyphs(text), TypeArea.WIDTH, TypeArea.WIDTH).stream().map(LineBreakerTest::text).toList();
  }

  /** Glyphs of no font: the breaker reads only the advances. */
  private static List<Glyph> glyphs(String text) {
    return text.codePoints()
        .mapToObj(c -> new Glyph(c, Style.BODY, null, c < 0x80 ? TypeArea.TYPE_SIZE / 2 : TypeArea.TYPE_SIZE))
        .toList();
  }

  private static String text(List<Glyph> line) {
    StringBuilder text = new StringBuilder();
    line.forEach(glyph -> text.appendCodePoint(glyph.codePoint()));
    return text.toString();
  }
}
