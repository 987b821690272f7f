package org.proposalhandling.directory;

/** How a person wants a kind of notice: by mail, by SMS or both. */
public enum NoticeChannels {
  MAIL("邮件", true, false),
  SMS("短信", false, true),
  BOTH("邮件和短信", true, true);

  private final String label;
  private final boolean mail;
  private final boolean sms;

  NoticeChannels(String label, boolean mail, boolean sms) {
    this.label = label;
    this.mail = mail;
    this.sms = sms;
  }

  public String label() {
    return label;
  }

  public boolean mail() {
    return mail;
  }

  public boolean sms() {
    return sms;
  }
}
