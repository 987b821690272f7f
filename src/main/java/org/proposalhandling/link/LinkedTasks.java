package org.proposalhandling.link;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The user task a mail link completes, for any process: a link lives as long as that task is open, and can
 * act while its holder is still one of those the task is for; completing the task's form as the holder after
 * using the token up. Call {@link #complete} in the transaction that acts.
 */
@Service
public class LinkedTasks {

  static final LinkNotice NO_LONGER_ENTITLED = new LinkNotice(HttpStatus.FORBIDDEN, "无权签发",
      "您已不在本单位签发负责人之列，不能再签发此件。本次提交没有改变任何内容；如有疑问，请与经办单位联系。");

  private final LinkTokens tokens;
  private final TaskService tasks;
  private final FormService forms;
  private final IdentityService identity;

  LinkedTasks(LinkTokens tokens, TaskService tasks, FormService forms, IdentityService identity) {
    this.tokens = tokens;
    this.tasks = tasks;
    this.forms = forms;
    this.identity = identity;
  }

  /**
   * What a link's token says, its step included: a token neither used nor superseded has expired when its
   * task is no longer open (done in Tasklist or through another link, or ended by a timer). A later task of
   * the same activity does not revive it: each issuer supersedes the older tokens when it mails new ones.
   */
  public LinkToken read(String purpose, String rawToken) {
    LinkToken token = tokens.read(purpose, rawToken);
    return token.valid() && openTask(token) == null ? token.expired() : token;
  }

  /** Why the link cannot act, or null when it can. */
  public LinkNotice unusable(LinkToken link) {
    if (!link.valid()) {
      return LinkNotice.of(link);
    }
    Task task = openTask(link);
    if (task == null) {
      return LinkNotice.of(link.expired());
    }
    return entitled(link, task) ? null : NO_LONGER_ENTITLED;
  }

  /** Uses the token and submits the task's form as the link's holder; returns why it could not, or null when done. */
  public LinkNotice complete(String purpose, String rawToken, Map<String, Object> form) {
    LinkToken link = tokens.read(purpose, rawToken);
    LinkNotice notice = unusable(link);
    if (notice != null) {
      return notice;
    }
    if (!tokens.consume(link)) {
      return LinkNotice.of(tokens.read(purpose, rawToken));
    }
    Task task = openTask(link);
    identity.setAuthentication(link.holder(), groupsOf(link.holder()));
    try {
      forms.submitTaskForm(task.getId(), form);
    } finally {
      identity.clearAuthentication();
    }
    return null;
  }

  /** The task the link completes: the open one of its activity in the process of its subject, or null. */
  public Task openTask(LinkToken link) {
    return tasks.createTaskQuery().processInstanceBusinessKey(link.subjectId()).taskDefinitionKey(link.activityId())
        .singleResult();
  }

  /** The holder is still one of those the task is for: its assignee, or in one of its candidate groups. */
  private boolean entitled(LinkToken link, Task task) {
    Set<String> groups = Set.copyOf(groupsOf(link.holder()));
    return link.holder().equals(task.getAssignee()) || tasks.getIdentityLinksForTask(task.getId()).stream().anyMatch(candidate ->
        link.holder().equals(candidate.getUserId()) || groups.contains(candidate.getGroupId()));
  }

  private List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }
}
