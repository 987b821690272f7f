package org.proposalhandling.attachment.internal;

import org.springframework.http.HttpStatus;

/**
 * A file not taken (nothing of it stored) or not served, with the reason in Chinese and the answer's status.
 */
class AttachmentRefusedException extends RuntimeException {

  private final HttpStatus status;

  AttachmentRefusedException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  HttpStatus status() {
    return status;
  }
}
