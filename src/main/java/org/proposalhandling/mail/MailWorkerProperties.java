package org.proposalhandling.mail;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * proposals.mail.worker: the app's own threads that send mail (see {@link MailWorker}).
 *
 * @param enabled whether this node sends mail at all (as the job executor: on unless set off)
 * @param threads how many mails this node sends at once
 * @param lockDuration how long a mail stays locked to the thread that took it; above the longest send
 * @param retryIntervals the waits before the retries of a failed mail; after the last one it is an incident
 * @param waitTime the first wait of an idle thread before it looks for mail again, doubled up to maxWait
 * @param maxWait the longest wait of an idle thread: mail another node writes goes out within it
 */
@ConfigurationProperties("proposals.mail.worker")
record MailWorkerProperties(boolean enabled, int threads, Duration lockDuration, List<Duration> retryIntervals,
                            Duration waitTime, Duration maxWait) {

  MailWorkerProperties {
    if (threads < 1 || lockDuration == null || retryIntervals == null || retryIntervals.isEmpty()
        || waitTime == null || maxWait == null) {
      throw new IllegalArgumentException(
          "proposals.mail.worker needs threads (at least 1), lock-duration, retry-intervals, wait-time and max-wait");
    }
    retryIntervals = List.copyOf(retryIntervals);
  }
}
