package org.proposalhandling.item;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.directory.ProcessAccess;
import org.proposalhandling.workflow.FormTaskListener;
import org.proposalhandling.workflow.FormValues;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The form listener of an item's tasks: names the task so that Tasklist shows which item and whose step it
 * is, shows the item's header fields on the form, lets the assigning office follow the task, and hands the
 * rest to the step's own listener. The step records what happened through {@link ItemLifecycle}.
 */
public abstract class ItemFormListener extends FormTaskListener<Item> {

  public static final String KEY_ITEM_MARK = "【重点督办】";
  public static final String REHANDLING_MARK = "【再次办理】";
  public static final int KEY_ITEM_PRIORITY = 80;

  protected final ItemRepository items;
  private ItemLifecycle lifecycle;
  private ProcessAccess access;

  protected ItemFormListener(ItemRepository items) {
    this.items = items;
  }

  /** Set by Spring; setters so that the many form listeners need not pass these through their constructors. */
  @Autowired
  final void setShared(ItemLifecycle lifecycle, ProcessAccess access) {
    this.lifecycle = lifecycle;
    this.access = access;
  }

  @Override
  protected final Item subject(String businessKey) {
    return items.get(businessKey);
  }

  @Override
  protected final void created(DelegateTask task, Item item) {
    String qualifier = taskQualifier(task, item);
    // Key items (重点督办) stand apart in Tasklist: marked in the name, and first when sorted by priority.
    task.setName((item.keyItem() ? KEY_ITEM_MARK : "") + (item.handlingRound() > 1 ? REHANDLING_MARK : "")
        + task.getName() + (qualifier == null ? "" : "（" + qualifier + "）") + "｜" + item.shortReference());
    if (item.keyItem()) {
      task.setPriority(KEY_ITEM_PRIORITY);
    }
    task.setDescription(item.title());
    access.officeReadsTask(task, item.assigningOfficeId());
    show(task, Map.of(
        "itemNumber", item.reference(),
        "itemKind", item.kind().label(),
        "itemTitle", item.title(),
        "proposer", item.proposerName(),
        "itemCoSigners", item.coSignersWithConstituencies(),
        "itemContent", item.content() == null ? "" : item.content(),
        "itemPageLink", "/items/" + item.id()));
    prepare(task, item);
  }

  @Override
  protected final void completed(DelegateTask task, Item item, FormValues form) {
    complete(task, item, form);
  }

  /** Words added to the task's name, e.g. the co-handling unit; none by default. */
  protected String taskQualifier(DelegateTask task, Item item) {
    return null;
  }

  /** Fills the form: read-only views of the item and the editable fields with their current values. */
  protected abstract void prepare(DelegateTask task, Item item);

  /** Validates the submitted values (a FormValidationException refuses them), stores them and records the step. */
  protected abstract void complete(DelegateTask task, Item item, FormValues form);

  protected ItemLifecycle lifecycle() {
    return lifecycle;
  }
}
