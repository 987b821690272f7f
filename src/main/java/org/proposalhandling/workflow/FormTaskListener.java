package org.proposalhandling.workflow;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The listener behind a user task's Camunda Form, for any process whose business key names its subject (an
 * item, a consultation). On create it fills every field of the task's form as a task-local variable, so that
 * what the user submits stays on the task instead of becoming process variables. On complete it refuses a
 * submission that carried anything besides the form's fields (a client may send more than Tasklist does), or a
 * value of another type than its field's ({@link FormField}), then lets the subclass validate the values and
 * store them in the app's tables. Business data thus lives in the app's tables, and the process routes on
 * them, never on what a client sent.
 *
 * @param <S> the subject the process is about, found by its business key
 */
public abstract class FormTaskListener<S> implements TaskListener {

  private FormFields formFields;

  /** Set by Spring; a setter so that the many form listeners need not pass it through their constructors. */
  @Autowired
  final void setFormFields(FormFields formFields) {
    this.formFields = formFields;
  }

  @Override
  public final void notify(DelegateTask task) {
    S subject = subject(task.getExecution().getProcessBusinessKey());
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      created(task, subject);
      for (String key : fieldKeysOf(task)) {
        if (!task.hasVariableLocal(key)) {
          task.setVariableLocal(key, null);
        }
      }
    } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      assigned(task, subject);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      refuseStrayVariables(task);
      refuseMistypedValues(task);
      completed(task, subject, FormValues.ofTask(task));
    }
  }

  /** The subject of the process, from its business key. */
  protected abstract S subject(String businessKey);

  /** Names the task and fills its form. */
  protected abstract void created(DelegateTask task, S subject);

  /**
   * Fills in what depends on who works on the task, once a user claims it (only where the model also names the
   * listener for the assignment event); nothing by default.
   */
  protected void assigned(DelegateTask task, S subject) {
  }

  /** Validates the submitted values (a {@link FormValidationException} refuses them) and stores them. */
  protected abstract void completed(DelegateTask task, S subject, FormValues form);

  protected static void show(DelegateTask task, Map<String, ?> fields) {
    fields.forEach(task::setVariableLocal);
  }

  /** The user completing the task, or null when the system does (tests, the demo loader without a user). */
  protected static String currentUser(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private Set<String> fieldKeysOf(DelegateTask task) {
    String formId = formIdOf(task);
    return formId == null ? Set.of() : formFields.of(task.getProcessDefinitionId(), formId);
  }

  /** A value not of its field's type refuses the submission. */
  private void refuseMistypedValues(DelegateTask task) {
    String formId = formIdOf(task);
    if (formId != null) {
      formFields.refuseMistypedValues(task.getProcessDefinitionId(), formId, task::getVariableLocal);
    }
  }

  private static String formIdOf(DelegateTask task) {
    return ((UserTask) task.getBpmnModelElementInstance()).getCamundaFormRef();
  }

  /**
   * A submitted value that is not a field of the form is not task-local: the engine stores it on the process
   * instance. The process keeps no variables of its own there, so anything found there came with this
   * submission; refusing it rolls the whole completion back.
   */
  private static void refuseStrayVariables(DelegateTask task) {
    Set<String> stray = new TreeSet<>(task.getExecution().getProcessInstance().getVariableNamesLocal());
    if (!stray.isEmpty()) {
      throw new FormValidationException("提交的内容中有表单以外的字段：" + String.join("、", stray) + "。只能提交本表单中的字段。");
    }
  }
}
