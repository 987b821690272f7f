package org.proposalhandling.engine.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.proposalhandling.workflow.FormValidationException;

/**
 * The engine REST API's answer to an error: a form or request refused by our validation is 400 with its message
 * (the engine wraps what a listener throws in its own exception, and the REST resources wrap that again in a
 * 500); any other error keeps the status of the engine's handling, or the client's fault it really was, with a
 * Chinese message ({@link EngineRefusals}). The REST API throws two types, hence two mappers; the rest of what
 * Jersey throws (a body that is not JSON) goes through the third.
 */
abstract class ClientErrorMapper<E extends Throwable> implements ExceptionMapper<E> {

  private final EngineRefusals refusals;
  @Context private UriInfo uri;
  @Context private Request request;

  ClientErrorMapper(EngineRefusals refusals) {
    this.refusals = refusals;
  }

  @Override
  public Response toResponse(E exception) {
    FormValidationException refused = FormValidationException.findIn(exception);
    if (refused != null) {
      return answer(new EngineRefusals.Answer(400, "FormValidationException", refused.getMessage()));
    }
    // Gives the status and logs a server error with its stack trace, as the engine does.
    Response engines = ExceptionHandlerHelper.getInstance().getResponse(exception);
    return answer(refusals.to(typeOf(exception), engines.getStatus(), request.getMethod(), uri.getPath()));
  }

  /** The type the engine would name: the exception's, or for its own wrapper, the wrapped one's. */
  private static String typeOf(Throwable exception) {
    Throwable cause = exception instanceof RestException && exception.getCause() != null ? exception.getCause() : exception;
    for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
      if (inner instanceof org.camunda.bpm.engine.AuthorizationException) {
        return "AuthorizationException";
      }
    }
    return cause.getClass().getSimpleName();
  }

  private static Response answer(EngineRefusals.Answer answer) {
    return Response.status(answer.status())
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(Map.of("type", answer.type(), "message", answer.message()))
        .build();
  }

  @Priority(1)
  static class ForRestException extends ClientErrorMapper<RestException> {

    ForRestException(EngineRefusals refusals) {
      super(refusals);
    }
  }

  @Priority(1)
  static class ForProcessEngineException extends ClientErrorMapper<ProcessEngineException> {

    ForProcessEngineException(EngineRefusals refusals) {
      super(refusals);
    }
  }

  @Priority(1)
  static class ForAnyOther extends ClientErrorMapper<Exception> {

    ForAnyOther(EngineRefusals refusals) {
      super(refusals);
    }
  }
}
