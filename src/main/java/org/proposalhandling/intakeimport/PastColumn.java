package org.proposalhandling.intakeimport;

/** The columns of the past replies' template (历史答复导入), by the header the clerk reads. */
enum PastColumn {
  SESSION("会议届次", true),
  NUMBER("编号", true),
  KIND("类别", true),
  TITLE("标题", true),
  CONTENT("内容", true),
  PROPOSER("提出人（领衔人）", true),
  FILED_ON("提出日期", false),
  LEAD_UNIT("主办单位", true),
  CATEGORY("答复类别", true),
  DOCUMENT_NUMBER("答复文号", false),
  REPLIED_ON("答复日期", true),
  REPLY("答复内容", true),
  SATISFACTION("满意度", false);

  private final String header;
  private final boolean required;

  PastColumn(String header, boolean required) {
    this.header = header;
    this.required = required;
  }

  String header() {
    return header;
  }

  boolean required() {
    return required;
  }
}
