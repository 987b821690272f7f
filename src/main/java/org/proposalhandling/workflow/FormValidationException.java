package org.proposalhandling.workflow;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Bad input in a form or a request: the message is Chinese and shown to the user as is.
 * Extends BadUserRequestException so that the engine REST API answers 400 and the transaction rolls back.
 *
 * <p>The webapps' copy of the engine API (/camunda/api/engine, Tasklist's) has no room for the app's error
 * mappers and answers the engine's English wrapper around it. So the refusal raised while a request is being
 * handled is also remembered for that request's thread, for the filter that puts it back in front (see
 * engine.WebappRefusals).
 */
public class FormValidationException extends BadUserRequestException {

  private static final ThreadLocal<FormValidationException> RAISED = new ThreadLocal<>();

  public FormValidationException(String message) {
    super(message);
    RAISED.set(this);
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

  /** Forgets what this thread raised before: called when a request starts. */
  public static void forgetRaised() {
    RAISED.remove();
  }

  /** The last refusal this thread raised since {@link #forgetRaised()}, if any, and forgets it. */
  public static FormValidationException takeRaised() {
    FormValidationException raised = RAISED.get();
    RAISED.remove();
    return raised;
  }
}
