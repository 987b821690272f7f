package org.proposalhandling.officereview.internal;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * proposals.office-review.
 *
 * @param enabled whether the assigning office reviews each signed reply before it is delivered (督办审核): it may
 *     correct the category or return the reply to the lead unit; for every assigning office not named in
 *     {@code offices}; off by default
 * @param offices the rule of each assigning office that differs from {@code enabled}, by the office's unit id, e.g.
 *     {@code proposals.office-review.offices.cz-gov=true}
 */
@ConfigurationProperties("proposals.office-review")
record OfficeReviewProperties(@DefaultValue("false") boolean enabled, @DefaultValue Map<String, Boolean> offices) {

  boolean enabledFor(String officeId) {
    return offices.getOrDefault(officeId, enabled);
  }
}
