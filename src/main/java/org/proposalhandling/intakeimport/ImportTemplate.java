package org.proposalhandling.intakeimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.ItemKind;
import org.springframework.stereotype.Component;

/**
 * The import template: a sheet with the Chinese column headers (every column formatted as text, so that a
 * number such as 0044 keeps its zeros), and a sheet explaining each column, with the office's units.
 */
@Component
class ImportTemplate {

  private final UnitDirectory units;

  ImportTemplate(UnitDirectory units) {
    this.units = units;
  }

  byte[] forOffice(Unit office) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle text = workbook.createCellStyle();
      text.setDataFormat(workbook.createDataFormat().getFormat("@"));
      CellStyle header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      Sheet items = workbook.createSheet("建议提案");
      Row headers = items.createRow(0);
      for (ImportColumn column : ImportColumn.values()) {
        headers.createCell(column.ordinal()).setCellValue(column.header());
        headers.getCell(column.ordinal()).setCellStyle(header);
        items.setDefaultColumnStyle(column.ordinal(), text);
        items.setColumnWidth(column.ordinal(), (column == ImportColumn.TITLE || column == ImportColumn.CONTENT ? 40 : 18) * 256);
      }
      items.createFreezePane(0, 1);
      Sheet help = workbook.createSheet("填写说明");
      List<String[]> lines = List.of(
          new String[] {"列", "填写说明"},
          new String[] {"会议届次", "必填，如：省政协十三届一次会议。"},
          new String[] {"编号", "必填，同一会议届次内不能重复，如：0044、D13。"},
          new String[] {"类别", "必填，可填：" + Arrays.stream(ItemKind.values()).map(ItemKind::label).collect(Collectors.joining("、")) + "。"},
          new String[] {"标题", "必填，不超过 500 字。"},
          new String[] {"内容", "必填。"},
          new String[] {"提出人（领衔人）", "必填，不超过 200 字。"},
          new String[] {"附议人", "选填，代表建议的附议人或提案的联名人，多人用顿号分隔；姓名后的括号内可写代表团或界别、电子邮箱、手机号码，用逗号分隔，"
              + "如：张三（长春代表团，zhang@example.cn，13800000000）、李四。有电子邮箱的人各自收到答复和征询意见的链接。同一人只列一次，不列提出人本人。"},
          new String[] {"提出人电子邮箱", "选填，答复和征询意见表将发往此邮箱。"},
          new String[] {"提出人联系电话", "选填。"},
          new String[] {"提出日期", "选填，如：2025-01-15、2025/1/15 或 2025年1月15日。"},
          new String[] {"是否同意公开答复", "必填，可填：同意、不同意。"},
          new String[] {"建议主办单位", "选填，填单位全称或简称（见“可填的单位”括号内），批量交办时据此交办。"},
          new String[] {"建议会办单位", "选填，多个单位用顿号分隔。"},
          new String[] {"可填的单位", units.jurisdictionOf(office.id()).stream().map(Unit::label).collect(Collectors.joining("、"))});
      for (int i = 0; i < lines.size(); i++) {
        Row row = help.createRow(i);
        row.createCell(0).setCellValue(lines.get(i)[0]);
        row.createCell(1).setCellValue(lines.get(i)[1]);
      }
      help.setColumnWidth(0, 20 * 256);
      help.setColumnWidth(1, 80 * 256);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
