package org.proposalhandling.directory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters each role opens with, in Chinese, created at start when missing and shared with the
 * role groups that need them (DirectorySeeder grants them). A filter only selects among the tasks a user may read.
 */
@Component
class TaskFilters {

  private static final String MY_GROUPS = "${currentUserGroups()}";

  private final FilterService filterService;
  private final TaskService taskService;

  TaskFilters(FilterService filterService, TaskService taskService) {
    this.filterService = filterService;
    this.taskService = taskService;
  }

  private enum Definition {
    // First, so that Tasklist opens on it: new work arrives unclaimed, for the whole unit and role.
    UNIT("本单位待办", "本单位本岗位的全部待办，含未签收的", EnumSet.allOf(Role.class)),
    MINE("我的待办", "已签收、由我办理的任务", EnumSet.allOf(Role.class)),
    DUE_SOON("即将到期", "7 天内到期的待办", EnumSet.allOf(Role.class)),
    OVERDUE("已超期", "已过答复期限的待办", EnumSet.allOf(Role.class)),
    SIGN_OFF("待签发", "等待负责人签发的答复", EnumSet.of(Role.OFFICIAL)),
    // It lists and counts tasks (an item with co-handling units has several at once): named so, the count is
    // read right; the items in progress are counted on the 工作台. Named 全部在办 before, renamed where it exists.
    ALL_OPEN("全部在办任务", "本机构交办的所有在办任务（一件办件可同时有多项任务；在办办件数见工作台）", EnumSet.of(Role.CLERK), "全部在办"),
    SUPERVISION("待督办", "超期后需要督办的事项", EnumSet.of(Role.CLERK));

    final String title;
    final String description;
    final Set<Role> roles;
    final String formerTitle;

    Definition(String title, String description, Set<Role> roles) {
      this(title, description, roles, null);
    }

    Definition(String title, String description, Set<Role> roles, String formerTitle) {
      this.title = title;
      this.description = description;
      this.roles = roles;
      this.formerTitle = formerTitle;
    }
  }

  /** The ids of the filters each role opens with, each filter created when missing (looked up once). */
  Map<Role, List<String>> filterIdsByRole() {
    Map<Role, List<String>> ids = new EnumMap<>(Role.class);
    for (Definition definition : Definition.values()) {
      String id = ensure(definition);
      definition.roles.forEach(role -> ids.computeIfAbsent(role, r -> new ArrayList<>()).add(id));
    }
    return ids;
  }

  private String ensure(Definition definition) {
    Filter existing = filterService.createTaskFilterQuery().filterName(definition.title).singleResult();
    if (existing != null) {
      return existing.getId();
    }
    Filter renamed = definition.formerTitle == null ? null
        : filterService.createTaskFilterQuery().filterName(definition.formerTitle).singleResult();
    if (renamed != null) {
      renamed.setName(definition.title);
      renamed.setProperties(properties(definition));
      return filterService.saveFilter(renamed).getId();
    }
    Filter filter = filterService.newTaskFilter(definition.title);
    filter.setProperties(properties(definition));
    filter.setQuery(query(definition).get());
    return filterService.saveFilter(filter).getId();
  }

  private static Map<String, Object> properties(Definition definition) {
    return Map.of("priority", definition.ordinal(), "description", definition.description, "refresh", true);
  }

  private Supplier<TaskQuery> query(Definition definition) {
    return switch (definition) {
      case MINE -> () -> taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc();
      case UNIT -> () -> unit().orderByDueDate().asc();
      case DUE_SOON -> () -> unit().dueAfterExpression("${now()}")
          .dueBeforeExpression("${dateTime().plusDays(7).toDate()}").orderByDueDate().asc();
      case OVERDUE -> () -> unit().dueBeforeExpression("${now()}").orderByDueDate().asc();
      case SIGN_OFF -> () -> unit().taskDefinitionKey("Task_SignOff").orderByDueDate().asc();
      case ALL_OPEN -> () -> taskService.createTaskQuery().orderByDueDate().asc();
      case SUPERVISION -> () -> taskService.createTaskQuery().taskDefinitionKey("Task_Supervise").orderByDueDate().asc();
    };
  }

  private TaskQuery unit() {
    return taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks();
  }
}
