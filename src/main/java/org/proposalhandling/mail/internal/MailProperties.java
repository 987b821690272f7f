package org.proposalhandling.mail.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * proposals.mail.
 *
 * @param from the sender of every mail
 * @param publicUrl the address users reach the app at: links in mails point here
 */
@ConfigurationProperties("proposals.mail")
public record MailProperties(@DefaultValue("建议提案办理系统 <noreply@localhost>") String from,
                             @DefaultValue("http://localhost:8080") String publicUrl) {

  public MailProperties {
    publicUrl = publicUrl.replaceAll("/+$", "");
  }
}
