package org.proposalhandling.letter;

import java.util.List;

/**
 * A form printed on one A4 page in the letter's fonts (办理单, 征询意见表): a title and sections of paragraphs.
 *
 * @param title the title, centred at the top, e.g. 建议提案办理单
 * @param sections in their order
 */
public record PrintedForm(String title, List<Section> sections) {

  public PrintedForm {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("打印表单缺少标题。");
    }
    sections = List.copyOf(sections);
  }

  /**
   * @param heading set in 黑体 above the paragraphs; null or blank for none
   * @param paragraphs each a paragraph; a blank one is an empty line (room to write by hand), kept whole
   */
  public record Section(String heading, List<String> paragraphs) {

    public Section {
      paragraphs = paragraphs.stream().map(paragraph -> paragraph == null ? "" : paragraph).toList();
    }
  }
}
