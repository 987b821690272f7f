package org.proposalhandling.engine.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;

/**
 * The answer to an error of the engine's API, the same on both of its entry points (the engine REST API and the
 * webapps' copy that Tasklist calls): its status and a Chinese message that Tasklist shows as it is. A refusal
 * the client caused is a 4xx, never a 500, and no answer carries the engine's English, which named its
 * internals ("No item null", "ENGINE-03051 …") and, for a task of another unit, whether it exists. Read from the
 * engine's exception type (the REST API's "type") and the request, since the webapps' copy gives only its
 * answer's body.
 */
final class EngineRefusals {

  /** What the client is told. */
  record Answer(int status, String type, String message) {
  }

  static final String NO_RIGHT = "您没有执行此操作的权限。如确需办理，请联系交办机构或系统管理员。";

  /** A request about one task: task/{id}, task/{id}/claim, ... (also under engine/{name}/). */
  private static final Pattern TASK_PATH = Pattern.compile("^/?(?:engine/[^/]+/)?task/([^/]+)(/.*)?$");

  private final TaskService tasks;

  EngineRefusals(TaskService tasks) {
    this.tasks = tasks;
  }

  /**
   * @param type the engine's exception type, by its simple name
   * @param status the status the engine's own handling gave it
   * @param path the request's path below the API's root; the engine acts as the requesting user while this runs
   */
  Answer to(String type, int status, String method, String path) {
    if ("AuthorizationException".equals(type) || status == 403) {
      return new Answer(403, "AuthorizationException", NO_RIGHT);
    }
    if (status == 401) {
      return new Answer(401, type, "请先登录。");
    }
    Matcher task = TASK_PATH.matcher(path);
    boolean aboutOneTask = task.matches() && !"count".equals(task.group(1));
    if (aboutOneTask && tasks.createTaskQuery().taskId(task.group(1)).count() == 0) {
      return new Answer(404, "TaskNotFound", "该任务不存在或已经办理完毕，请刷新任务列表。");
    }
    if ("TaskAlreadyClaimedException".equals(type)) {
      return new Answer(409, type, "该任务已被他人签收，不能再签收。请刷新任务列表。");
    }
    if ("OptimisticLockingException".equals(type)) {
      return new Answer(409, type, "他人刚刚办理了同一事项，本次操作未做任何更改。请刷新后重试。");
    }
    // The engine refuses to delete a task of a running process before it checks the caller's rights.
    if (aboutOneTask && task.group(2) == null && "DELETE".equals(method)) {
      return new Answer(400, type, "办件流程中的任务不能删除，只能办理。");
    }
    if (status == 404) {
      return new Answer(404, type, "要查找的内容不存在，或您无权查看。");
    }
    if (status >= 400 && status < 500) {
      return new Answer(status, type, "请求的内容无效，未做任何更改。请检查后重试。");
    }
    return new Answer(500, type, "系统未能完成此操作，未做任何更改。请稍后重试；如果问题持续，请联系系统管理员。");
  }
}
