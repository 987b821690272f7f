package org.proposalhandling.mail;

import java.util.List;
import java.util.Map;

/**
 * A mail to send: the templates mail/&lt;template&gt;.html and .txt rendered with the model.
 * Every value in the model is escaped by the HTML template.
 */
public record Mail(String itemId, String template, String to, List<String> copyTo, String subject,
                   Map<String, Object> model) {
}
