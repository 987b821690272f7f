package org.proposalhandling.mail.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** proposals.mail: the sender, and the address links in mails point to. */
@ConfigurationProperties("proposals.mail")
public record MailProperties(String from, String publicUrl) {

  public MailProperties {
    from = from == null ? "建议提案办理系统 <noreply@localhost>" : from;
    publicUrl = publicUrl == null ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
  }
}
