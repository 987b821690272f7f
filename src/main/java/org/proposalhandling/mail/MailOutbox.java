package org.proposalhandling.mail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.ExternalTaskQueryTopicBuilder;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The mails waiting to go out: each is the external task (topic {@value #TOPIC}) of its mail-dispatch instance,
 * taken and sent by the app's own mail threads ({@link MailWorker}), never by the job executor's, so that a
 * hung SMTP server holds only those and every process step keeps its job threads. A failed send
 * waits the next of the retry intervals; after the last one the task has no retries left and the engine makes
 * it an incident, which Cockpit retries.
 */
@Component
@EnableConfigurationProperties(MailWorkerProperties.class)
public class MailOutbox {

  /** The process that sends each mail, its business key the mail's id. */
  public static final String PROCESS = "mail-dispatch";
  public static final String TOPIC = "mail-send";
  private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

  enum Outcome { NONE_DUE, SENT, FAILED }

  private final ExternalTaskService tasks;
  private final RuntimeService runtime;
  private final MailDispatch dispatch;
  private final MailWorkerProperties properties;
  /** Unique per node and engine: a late answer of a node whose lock expired is refused, not taken as another's. */
  private final String workerId;

  MailOutbox(ExternalTaskService tasks, RuntimeService runtime, MailDispatch dispatch, MailWorkerProperties properties,
             ProcessEngine engine) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.dispatch = dispatch;
    this.properties = properties;
    this.workerId = "mail:" + engine.getName() + ":" + ManagementFactory.getRuntimeMXBean().getName();
  }

  /** Sends the due mails one after the other on the calling thread, where no worker runs; returns how many failed. */
  public int sendDue() {
    int failed = 0;
    for (Outcome outcome = sendNext(); outcome != Outcome.NONE_DUE; outcome = sendNext()) {
      failed += outcome == Outcome.FAILED ? 1 : 0;
    }
    return failed;
  }

  /**
   * Sends this one mail now if it is due (not sent, not waiting for a retry, not an incident): where no mail
   * thread runs, the demo's loading and the tests move an item on once its reply has left. Whether it was due.
   */
  public boolean sendIfDue(String mailId) {
    return sendNext(mailId) != Outcome.NONE_DUE;
  }

  /**
   * Gives this mail, if it stopped retrying (an incident), one more attempt at once, as Cockpit's retry does.
   * Whether it had stopped.
   */
  public boolean retryStopped(String mailId) {
    List<String> stopped = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(mailId)
        .list().stream()
        .flatMap(dispatch -> tasks.createExternalTaskQuery().processInstanceId(dispatch.getId()).noRetriesLeft().list().stream())
        .map(ExternalTask::getId).toList();
    stopped.forEach(task -> {
      tasks.unlock(task);  // due now: its last failure may have locked it until a clock that was moved on
      tasks.setRetries(task, 1);
    });
    return !stopped.isEmpty();
  }

  /** Takes one due mail, if any, and sends it. */
  Outcome sendNext() {
    return sendNext(null);
  }

  private Outcome sendNext(String mailId) {
    ExternalTaskQueryTopicBuilder topic = tasks.fetchAndLock(1, workerId).topic(TOPIC, properties.lockDuration().toMillis());
    List<LockedExternalTask> due = (mailId == null ? topic : topic.businessKey(mailId)).execute();
    if (due.isEmpty()) {
      return Outcome.NONE_DUE;
    }
    LockedExternalTask task = due.get(0);
    try {
      dispatch.send(task.getBusinessKey());
    } catch (Exception e) {
      // Whatever stopped this mail (SMTP, an attachment that cannot be rendered) waits for its retry.
      fail(task, e);
      return Outcome.FAILED;
    }
    tasks.complete(task.getId(), workerId);
    return Outcome.SENT;
  }

  private void fail(LockedExternalTask task, Exception cause) {
    List<Duration> intervals = properties.retryIntervals();
    // A task that never failed has no retries yet: as many as intervals. Cockpit's retry of an incident gives 1.
    int retriesLeft = task.getRetries() == null ? intervals.size() : task.getRetries() - 1;
    Duration wait = retriesLeft > 0 ? intervals.get(Math.max(0, intervals.size() - retriesLeft)) : Duration.ZERO;
    LOG.warn("Mail {} not sent, {} retries left, the next in {}: {}", task.getBusinessKey(), retriesLeft, wait, cause.toString());
    tasks.handleFailure(task.getId(), workerId, "邮件发送失败：" + cause, stackTrace(cause), retriesLeft, wait.toMillis());
  }

  private static String stackTrace(Exception cause) {
    StringWriter trace = new StringWriter();
    cause.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
