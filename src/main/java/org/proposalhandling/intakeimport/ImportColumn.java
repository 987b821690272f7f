package org.proposalhandling.intakeimport;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns of an import file, by their Chinese headers (the template's first row), and the intake form's
 * field each one fills. The suggested co-handling units have no intake field: the import keeps them for the
 * batch assignment.
 */
enum ImportColumn {
  SESSION("会议届次", "sessionName", true),
  NUMBER("编号", "number", true),
  KIND("类别", "kind", true),
  TITLE("标题", "title", true),
  CONTENT("内容", "content", true),
  PROPOSER("提出人（领衔人）", "proposerName", true),
  CO_SIGNERS("附议人", "coSigners", false),
  EMAIL("提出人电子邮箱", "proposerEmail", false),
  PHONE("提出人联系电话", "proposerPhone", false),
  FILED_ON("提出日期", "filedOn", false),
  CONSENT("是否同意公开答复", "publicationConsent", true),
  LEAD_UNIT("建议主办单位", "proposedLeadUnit", false),
  CO_UNITS("建议会办单位", null, false);

  private final String header;
  private final String field;
  private final boolean required;

  ImportColumn(String header, String field, boolean required) {
    this.header = header;
    this.field = field;
    this.required = required;
  }

  String header() {
    return header;
  }

  /** The intake form's field key, or null for a column the form does not have. */
  String field() {
    return field;
  }

  boolean required() {
    return required;
  }

  /** The column with this header; full-width and half-width brackets and surrounding blanks or asterisks alike. */
  static Optional<ImportColumn> ofHeader(String header) {
    String wanted = normalized(header);
    return Arrays.stream(values()).filter(column -> normalized(column.header).equals(wanted)).findFirst();
  }

  static Optional<ImportColumn> ofField(String field) {
    return Arrays.stream(values()).filter(column -> field.equals(column.field)).findFirst();
  }

  private static String normalized(String header) {
    return header == null ? "" : header.replace('(', '（').replace(')', '）').replace("*", "").strip();
  }
}
