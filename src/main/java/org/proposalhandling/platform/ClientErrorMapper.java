package org.proposalhandling.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.proposalhandling.workflow.FormValidationException;

/**
 * The engine REST API's answer to an error that the client caused: the right status and a Chinese message,
 * which Tasklist shows as it is, instead of a 500 or the engine's English.
 * <ul>
 * <li>a form refused by our validation: 400 with its message (the engine wraps what a listener throws in its
 * own exception, and the REST resources wrap that again in a 500);</li>
 * <li>an action the user has no right to (an AuthorizationException): 403;</li>
 * <li>an action on a task that does not exist, or no longer, because it was completed: 404.</li>
 * </ul>
 * Every other exception keeps the engine's handling. The REST API throws two types, hence two mappers.
 */
abstract class ClientErrorMapper<E extends Throwable> implements ExceptionMapper<E> {

  /** A request about one task: task/{id}, task/{id}/submit-form, ... (also under engine/{name}/). */
  private static final Pattern TASK_PATH = Pattern.compile("^/?(?:engine/[^/]+/)?task/([^/]+)");

  private final TaskService tasks;
  @Context private UriInfo request;

  ClientErrorMapper(TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public Response toResponse(E exception) {
    FormValidationException refused = FormValidationException.findIn(exception);
    if (refused != null) {
      return answer(Response.Status.BAD_REQUEST, "FormValidationException", refused.getMessage());
    }
    AuthorizationException denied = causeOfType(exception, AuthorizationException.class);
    if (denied != null) {
      return answer(Response.Status.FORBIDDEN, "AuthorizationException",
          "您（" + denied.getUserId() + "）没有执行此操作的权限。如确需办理，请联系交办机构或系统管理员。");
    }
    String taskId = taskOfRequest();
    if (taskId != null && tasks.createTaskQuery().taskId(taskId).count() == 0) {
      return answer(Response.Status.NOT_FOUND, "TaskNotFound", "该任务不存在或已经办理完毕，请刷新任务列表。");
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }

  private String taskOfRequest() {
    Matcher task = TASK_PATH.matcher(request.getPath());
    return task.find() ? task.group(1) : null;
  }

  private static <T extends Throwable> T causeOfType(Throwable exception, Class<T> type) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }

  private static Response answer(Response.Status status, String type, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(Map.of("type", type, "message", message))
        .build();
  }

  @Priority(1)
  static class ForRestException extends ClientErrorMapper<RestException> {

    ForRestException(TaskService tasks) {
      super(tasks);
    }
  }

  @Priority(1)
  static class ForProcessEngineException extends ClientErrorMapper<ProcessEngineException> {

    ForProcessEngineException(TaskService tasks) {
      super(tasks);
    }
  }
}
