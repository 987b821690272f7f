package org.proposalhandling.workflow;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Bad input in a form or a request: the message is Chinese and shown to the user as is.
 * Extends BadUserRequestException so that the engine REST API answers 400 and the transaction rolls back.
 */
public class FormValidationException extends BadUserRequestException {

  public FormValidationException(String message) {
    super(message);
  }
}
