package org.proposalhandling.mail;

import java.util.List;
import java.util.Map;

/**
 * A mail to send: the templates mail/&lt;template&gt;.html and .txt rendered with the model.
 * Every value in the model is escaped by the HTML template. The subject is the business key of what the mail
 * is about (an item, a consultation), so that its page can list the mails sent for it.
 */
public record Mail(String subjectId, String template, String to, List<String> copyTo, String subject,
                   Map<String, Object> model) {
}
