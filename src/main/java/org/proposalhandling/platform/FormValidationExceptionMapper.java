package org.proposalhandling.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.proposalhandling.workflow.FormValidationException;

/**
 * The engine wraps an exception thrown by a listener in its own ("Exception while invoking TaskListener:
 * ..."), and the REST resources wrap that again in a 500 RestException. A form refused by our validation
 * is the user's error: answer 400 with our Chinese message alone, which Tasklist shows as it is. Every
 * other exception keeps the engine's handling. The REST API throws both types, hence two mappers.
 */
abstract class FormValidationExceptionMapper<E extends Throwable> implements ExceptionMapper<E> {

  @Override
  public Response toResponse(E exception) {
    FormValidationException refused = FormValidationException.findIn(exception);
    if (refused == null) {
      return engineResponse(exception);
    }
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(Map.of("type", "FormValidationException", "message", refused.getMessage()))
        .build();
  }

  abstract Response engineResponse(E exception);

  @Priority(1)
  static class ForRestException extends FormValidationExceptionMapper<RestException> {

    private final RestExceptionHandler engineHandling = new RestExceptionHandler();

    @Override
    Response engineResponse(RestException exception) {
      return engineHandling.toResponse(exception);
    }
  }

  @Priority(1)
  static class ForProcessEngineException extends FormValidationExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler engineHandling = new ProcessEngineExceptionHandler();

    @Override
    Response engineResponse(ProcessEngineException exception) {
      return engineHandling.toResponse(exception);
    }
  }
}
