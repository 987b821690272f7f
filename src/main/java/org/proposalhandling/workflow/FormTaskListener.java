package org.proposalhandling.workflow;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Autowired;
import org.proposalhandling.directory.ItemAccess;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;

/**
 * The listener behind a user task's Camunda Form. On create it shows the item and fills the form's fields
 * as task-local variables, so that what the user submits stays on the task instead of becoming process
 * variables; on complete it validates the values and stores them in the app's tables. Business data thus
 * lives in the item tables, and the process keeps only the few variables it routes on.
 */
public abstract class FormTaskListener implements TaskListener {

  public static final String KEY_ITEM_MARK = "【重点督办】";
  public static final int KEY_ITEM_PRIORITY = 80;

  protected final ItemRepository items;
  private ItemAccess access;

  protected FormTaskListener(ItemRepository items) {
    this.items = items;
  }

  /** Set by Spring; a setter so that the many form listeners need not pass it through their constructors. */
  @Autowired
  final void setItemAccess(ItemAccess access) {
    this.access = access;
  }

  @Override
  public final void notify(DelegateTask task) {
    Item item = items.get(task.getExecution().getProcessBusinessKey());
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // Key items (重点督办) stand apart in Tasklist: marked in the name, and first when sorted by priority.
      task.setName((item.keyItem() ? KEY_ITEM_MARK : "") + task.getName() + "｜" + item.sessionName() + "第" + item.number() + "号");
      if (item.keyItem()) {
        task.setPriority(KEY_ITEM_PRIORITY);
      }
      task.setDescription(item.title());
      access.officeReadsTask(task, item.assigningOfficeId());
      show(task, Map.of(
          "itemNumber", item.reference(),
          "itemKind", item.kind().label(),
          "itemTitle", item.title(),
          "proposer", item.proposerWithCoSigners(),
          "itemContent", item.content() == null ? "" : item.content()));
      prepare(task, item);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      complete(task, item, FormValues.ofTask(task));
    }
  }

  /** Fills the form: read-only views of the item and the editable fields with their current values. */
  protected abstract void prepare(DelegateTask task, Item item);

  /** Validates the submitted values (a {@link FormValidationException} refuses them) and stores them. */
  protected abstract void complete(DelegateTask task, Item item, FormValues form);

  protected static void show(DelegateTask task, Map<String, ?> fields) {
    fields.forEach(task::setVariableLocal);
  }

  /** Sets a variable the process routes on, for the whole item. */
  protected static void route(DelegateTask task, String name, Object value) {
    task.getExecution().getProcessInstance().setVariable(name, value);
  }

  /** The user completing the task, or null when the system does (tests, the demo loader without a user). */
  protected static String currentUser(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
