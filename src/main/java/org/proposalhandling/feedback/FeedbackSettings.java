package org.proposalhandling.feedback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * proposals.feedback.
 *
 * @param resultRule how a joint item's result follows its proposers' answers: {@code lead} (default) or
 *     {@code any-dissatisfied}
 */
@ConfigurationProperties("proposals.feedback")
public record FeedbackSettings(@DefaultValue("lead") ResultRule resultRule) {
}
