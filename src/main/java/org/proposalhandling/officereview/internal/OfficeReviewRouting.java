package org.proposalhandling.officereview.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Whether a signed reply waits for the office's review, e.g. {@code ${officeReviewRouting.required(execution)}}. */
@Component("officeReviewRouting")
@EnableConfigurationProperties(OfficeReviewProperties.class)
public class OfficeReviewRouting {

  private final OfficeReviewProperties properties;

  OfficeReviewRouting(OfficeReviewProperties properties) {
    this.properties = properties;
  }

  public boolean required(DelegateExecution execution) {
    return properties.enabled();
  }
}
