package org.proposalhandling.statistics.internal;

import org.springframework.http.HttpStatus;

/** A request the statistics do not answer, with the status and the Chinese message the user reads. */
class StatisticsRefusal extends RuntimeException {

  private final HttpStatus status;

  StatisticsRefusal(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  HttpStatus status() {
    return status;
  }
}
