package org.proposalhandling.letter;

import java.time.LocalDate;
import java.util.List;

/**
 * A reply letter (答复函) as it is printed: everything the page shows, already in its final wording.
 *
 * @param title the title, e.g. 对省政协十三届一次会议第D13号党派团体提案的答复
 * @param documentNumber 发文字号, e.g. 吉民议字〔2023〕10号; null or blank on a draft that has none yet
 * @param addressee 主送, e.g. 民建省委会 (the full-width colon is added when missing)
 * @param body the text, one paragraph a line (blank lines are ignored); paragraphs opening with 一、 or
 *     （一） are set as headings of the first or second level
 * @param issuingUnit 发文机关署名, e.g. 吉林省民政厅
 * @param date 成文日期, printed as 2023年6月14日
 * @param category the mark at the top right of the first page (the reply's category, e.g. "A"); null or
 *     blank for none
 * @param disclosure 附注 on the disclosure, e.g. 此件主动公开 (printed in parentheses); null or blank for none
 * @param responsibleOfficial 负责人; null or blank for none
 * @param handler 承办人; null or blank for none
 * @param phone 联系电话; null or blank for none
 * @param copies 抄送: the names of those copied, in order (printed at the foot, GB/T 9704's 版记); none when empty
 * @param attachments 附件说明: the attachments' names without extension, in order (under the body); none when empty
 */
public record ReplyLetter(
    String title,
    String documentNumber,
    String addressee,
    String body,
    String issuingUnit,
    LocalDate date,
    String category,
    String disclosure,
    String responsibleOfficial,
    String handler,
    String phone,
    List<String> copies,
    List<String> attachments) {

  public ReplyLetter {
    require(title, "标题");
    require(addressee, "主送单位");
    require(body, "正文");
    require(issuingUnit, "发文机关署名");
    if (date == null) {
      throw new IllegalArgumentException("答复函缺少成文日期。");
    }
    copies = copies == null ? List.of() : List.copyOf(copies);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  private static void require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("答复函缺少" + what + "。");
    }
  }
}
