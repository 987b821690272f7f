package org.proposalhandling.feedback;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.springframework.stereotype.Component;

/** The feedback period is over and no answer came: one reminder, with a fresh link to the same form. */
@Component("feedbackReminder")
class FeedbackReminder implements JavaDelegate {

  private final ItemRepository items;
  private final ReplyRepository replies;
  private final TaskService tasks;
  private final FeedbackMail mail;

  FeedbackReminder(ItemRepository items, ReplyRepository replies, TaskService tasks, FeedbackMail mail) {
    this.items = items;
    this.replies = replies;
    this.tasks = tasks;
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    Task feedback = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey("Task_Feedback").singleResult();
    if (feedback != null) {
      mail.remind(feedback.getId(), item, replies.get(item.id(), item.handlingRound()));
    }
  }
}
