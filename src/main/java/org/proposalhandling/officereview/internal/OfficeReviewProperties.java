package org.proposalhandling.officereview.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * proposals.office-review.
 *
 * @param enabled whether the assigning office reviews each signed reply before it is delivered (督办审核): it may
 *     correct the category or return the reply to the lead unit; off by default
 */
@ConfigurationProperties("proposals.office-review")
record OfficeReviewProperties(@DefaultValue("false") boolean enabled) {
}
