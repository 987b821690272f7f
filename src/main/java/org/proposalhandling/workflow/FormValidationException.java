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

  /** The refusal behind an exception, if any: the engine wraps what a listener throws. */
  public static FormValidationException findIn(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormValidationException refused) {
        return refused;
      }
    }
    return null;
  }
}
