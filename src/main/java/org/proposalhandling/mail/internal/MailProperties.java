package org.proposalhandling.mail.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * proposals.mail.
 *
 * @param from the sender of every mail
 * @param publicUrl the address users reach the app at: links in mails point here
 * @param mailsPerConnection how many mails a mail thread sends on one SMTP connection before it opens another
 *     (servers limit the mails of a connection: Exchange's default is 20); a thread keeps its connection only
 *     while it has mail to send
 */
@ConfigurationProperties("proposals.mail")
public record MailProperties(@DefaultValue("建议提案办理系统 <noreply@localhost>") String from,
                             @DefaultValue("http://localhost:8080") String publicUrl,
                             @DefaultValue("20") int mailsPerConnection) {

  public MailProperties {
    publicUrl = publicUrl.replaceAll("/+$", "");
    if (mailsPerConnection < 1) {
      throw new IllegalArgumentException("proposals.mail.mails-per-connection must be at least 1");
    }
  }
}
