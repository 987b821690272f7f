package org.proposalhandling.sms;

/**
 * A text to send: to a mobile number, about a subject (the business key of an item, a consultation), for a
 * purpose (what kind of notice: "assignment", "sign-off"). The text may hold link placeholders
 * ({@code LinkTokens.issue}), replaced by their tokens only when it is sent; the signature is added by the sender.
 */
public record Sms(String subjectId, String purpose, String to, String text) {
}
