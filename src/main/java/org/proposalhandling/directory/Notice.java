package org.proposalhandling.directory;

/**
 * The kinds of notice a person chooses his channels for on his page (/me/notices), each with the channels he
 * gets until he chooses: an official gets sign-off requests by mail and SMS, as handlers get the assignment;
 * deadline reminders go by mail.
 */
public enum Notice {
  ASSIGNMENT("交办通知", NoticeChannels.BOTH),
  SIGN_OFF("签发请求", NoticeChannels.BOTH),
  DEADLINE("催办提醒（黄牌、红牌督办、会办逾期、延期与调整交办结果）", NoticeChannels.MAIL);

  private final String label;
  private final NoticeChannels byDefault;

  Notice(String label, NoticeChannels byDefault) {
    this.label = label;
    this.byDefault = byDefault;
  }

  public String label() {
    return label;
  }

  public NoticeChannels byDefault() {
    return byDefault;
  }

  /** Where the person's choice is kept: a user-info entry of the engine's identity service. */
  String userInfoKey() {
    return "notice." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
