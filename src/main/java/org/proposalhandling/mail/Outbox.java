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

/**
 * The messages of one channel waiting to go out (mail, SMS): each is the external task of its dispatch process
 * instance (business key = the message's id), taken and sent by the channel's own threads ({@link OutboxWorker}),
 * never by the job executor's, so that a hung server holds only those and every process step keeps its job
 * threads. A failed send waits the next of the retry intervals; after the last one the task has no retries left
 * and the engine makes it an incident, which Cockpit retries.
 */
public class Outbox {

  /** Sends one stored message by its id; a message already sent is not sent again. */
  @FunctionalInterface
  public interface Dispatch {
    void send(String id) throws Exception;

    /** The calling thread has no message to send for now: it lets go of what it kept open for the next one. */
    default void idle() {
    }
  }

  public enum Outcome { NONE_DUE, SENT, FAILED }

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  /**
   * How many messages a thread takes at a time. The engine's query for them reads and sorts every due message
   * of the topic (29 ms with 3,000 queued, measured on the embedded MariaDB): taken one by one, a backlog made
   * each mail slower and the backlog longer.
   */
  static final int BATCH = 8;

  private final ExternalTaskService tasks;
  private final RuntimeService runtime;
  private final String process;
  private final String topic;
  private final String channel;
  private final Dispatch dispatch;
  private final OutboxSettings settings;
  /** Unique per node and engine: a late answer of a node whose lock expired is refused, not taken as another's. */
  private final String workerId;

  /**
   * @param channel what the channel sends, in Chinese, as Cockpit's incidents name it ("邮件", "短信")
   */
  protected Outbox(ExternalTaskService tasks, RuntimeService runtime, ProcessEngine engine, String process, String topic,
                   String channel, Dispatch dispatch, OutboxSettings settings) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.process = process;
    this.topic = topic;
    this.channel = channel;
    this.dispatch = dispatch;
    this.settings = settings;
    this.workerId = topic + ":" + engine.getName() + ":" + ManagementFactory.getRuntimeMXBean().getName();
  }

  /** Sends the due messages one after the other on the calling thread, where no worker runs; returns how many failed. */
  public int sendDue() {
    int failed = 0;
    for (Outcome outcome = sendNext(); outcome != Outcome.NONE_DUE; outcome = sendNext()) {
      failed += outcome == Outcome.FAILED ? 1 : 0;
    }
    return failed;
  }

  /**
   * Sends this one message now if it is due (not sent, not waiting for a retry, not an incident): where no
   * thread of the channel runs, the demo's loading and the tests move an item on once its reply has left.
   * Whether it was due.
   */
  public boolean sendIfDue(String messageId) {
    try {
      return sendNext(messageId) != Outcome.NONE_DUE;
    } finally {
      dispatch.idle();
    }
  }

  /**
   * Gives this message, if it stopped retrying (an incident), one more attempt at once, as Cockpit's retry does.
   * Whether it had stopped.
   */
  public boolean retryStopped(String messageId) {
    List<String> stopped = runtime.createProcessInstanceQuery().processDefinitionKey(process).processInstanceBusinessKey(messageId)
        .list().stream()
        .flatMap(instance -> tasks.createExternalTaskQuery().processInstanceId(instance.getId()).noRetriesLeft().list().stream())
        .map(ExternalTask::getId).toList();
    stopped.forEach(task -> {
      tasks.unlock(task);  // due now: its last failure may have locked it until a clock that was moved on
      tasks.setRetries(task, 1);
    });
    return !stopped.isEmpty();
  }

  /** Takes the oldest due messages, {@value #BATCH} at most, and sends them one after the other. */
  public Outcome sendNext() {
    return sendNext(null);
  }

  private Outcome sendNext(String messageId) {
    // Oldest first: without an order the database hands out whichever row its plan meets first, and in the
    // benchmark's 1,000-item sign-off (3,000 mails queued within a minute) four proposers' replies still waited
    // after two minutes while later ones had gone.
    ExternalTaskQueryTopicBuilder due = tasks.fetchAndLock().workerId(workerId).maxTasks(BATCH).orderByCreateTime().asc()
        .subscribe().topic(topic, settings.lockDuration().toMillis());
    List<LockedExternalTask> taken = (messageId == null ? due : due.businessKey(messageId)).execute();
    // The threads all ask for the oldest messages: the engine gives each to one of them and the others an empty
    // list, as if nothing were due. Taken that way, the losers waited idle while thousands were due (in the
    // benchmark's sign-off, 3,000 mails queued in 83 s took 236 s to leave, the threads idle 57 % of the time).
    // Each race lost means another thread took messages, so this ends.
    while (taken.isEmpty() && messageId == null && anyDue()) {
      taken = due.execute();
    }
    if (taken.isEmpty()) {
      dispatch.idle();
      return Outcome.NONE_DUE;
    }
    return send(taken);
  }

  /**
   * Sends the messages taken, in their order. After a failure the rest are let go at once (a server that failed
   * one is likely to fail the next, each after its timeouts, and their locks would run out in this thread's
   * hands), and so are those still waiting when half their lock has passed.
   */
  private Outcome send(List<LockedExternalTask> taken) {
    long letGoAt = System.nanoTime() + settings.lockDuration().toNanos() / 2;
    for (int i = 0; i < taken.size(); i++) {
      LockedExternalTask task = taken.get(i);
      if (i > 0 && System.nanoTime() > letGoAt) {
        letGo(taken.subList(i, taken.size()));
        return Outcome.SENT;
      }
      try {
        dispatch.send(task.getBusinessKey());
      } catch (Exception e) {
        // Whatever stopped this message (the server, an attachment that cannot be rendered) waits for its retry.
        fail(task, e);
        letGo(taken.subList(i + 1, taken.size()));
        return Outcome.FAILED;
      }
      tasks.complete(task.getId(), workerId);
    }
    return Outcome.SENT;
  }

  private void letGo(List<LockedExternalTask> rest) {
    rest.forEach(task -> tasks.unlock(task.getId()));
  }

  /** Whether a message is waiting that a thread may take now: not locked, not waiting for a retry, not an incident. */
  private boolean anyDue() {
    return tasks.createExternalTaskQuery().topicName(topic).notLocked().withRetriesLeft().active().count() > 0;
  }

  private void fail(LockedExternalTask task, Exception cause) {
    List<Duration> intervals = settings.retryIntervals();
    // A task that never failed has no retries yet: as many as intervals. Cockpit's retry of an incident gives 1.
    int retriesLeft = task.getRetries() == null ? intervals.size() : task.getRetries() - 1;
    Duration wait = retriesLeft > 0 ? intervals.get(Math.max(0, intervals.size() - retriesLeft)) : Duration.ZERO;
    LOG.warn("{} {} not sent, {} retries left, the next in {}: {}", topic, task.getBusinessKey(), retriesLeft, wait, cause.toString());
    tasks.handleFailure(task.getId(), workerId, channel + "发送失败：" + cause, stackTrace(cause), retriesLeft, wait.toMillis());
  }

  private static String stackTrace(Exception cause) {
    StringWriter trace = new StringWriter();
    cause.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
