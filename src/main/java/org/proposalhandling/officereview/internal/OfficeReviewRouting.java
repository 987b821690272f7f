package org.proposalhandling.officereview.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.proposalhandling.item.ItemRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Whether a signed reply waits for the review of the item's assigning office, e.g.
 * {@code ${officeReviewRouting.required(execution)}}.
 */
@Component("officeReviewRouting")
@EnableConfigurationProperties(OfficeReviewProperties.class)
public class OfficeReviewRouting {

  private final OfficeReviewProperties properties;
  private final ItemRepository items;

  OfficeReviewRouting(OfficeReviewProperties properties, ItemRepository items) {
    this.properties = properties;
    this.items = items;
  }

  public boolean required(DelegateExecution execution) {
    return properties.enabledFor(items.get(execution.getProcessBusinessKey()).assigningOfficeId());
  }
}
