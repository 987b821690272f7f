package org.proposalhandling.disclosure;

import java.time.LocalDate;
import org.proposalhandling.item.ItemKind;

/**
 * A published reply (主动公开) with the metadata the disclosure pages show (seed 000): 索引号, 分类, 发文机关,
 * 成文日期, 标题, 发文字号, 发布日期. Fixed when the reply is delivered.
 *
 * @param unitName 发文机关
 * @param writtenOn 成文日期, the sign-off date
 * @param publishedOn 发布日期, the delivery date
 */
public record Publication(String id, String itemId, int round, String unitId, String unitName, int year, int serial,
                          String indexNumber, ItemKind kind, String title, String documentNumber, LocalDate writtenOn,
                          LocalDate publishedOn) {

  /** 分类, as the government sites file these replies: the kind of item, under 议案 (seed 000). */
  public String classification() {
    return kind.label() + ";议案";
  }

  /**
   * 索引号: the unit's organisation code (统一社会信用代码), the year and the unit's publication serial, e.g.
   * 11220000013544496H/2023-02116; a unit whose code is not registered yet says so in place of the code.
   */
  static String indexNumber(String organisationCode, int year, int serial) {
    String code = organisationCode == null || organisationCode.isBlank() ? "统一社会信用代码未登记" : organisationCode;
    return code + "/" + year + "-" + String.format("%05d", serial);
  }
}
