package org.proposalhandling.mail;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * proposals.mail.worker: the app's own threads that send mail (see {@link MailWorker}), apart from the job
 * executor's: with 100 mails on an SMTP server that accepts and never answers, registrations and timers keep
 * their latency.
 *
 * @param enabled whether this node sends mail; application.yaml ties it to camunda.bpm.job-execution.enabled
 *     (off in the tests, which send mail explicitly)
 * @param threads how many mails this node sends at once. A mail's time is mostly the wait for the SMTP server
 *     to take it (its DATA with the reply letter's PDF: 40-80 ms a mail to the demo's catcher), not the CPU:
 *     with two threads the benchmark's sign-off sent three items' mails a second whatever the letter cost, at
 *     half the CPU
 * @param lockDuration how long a mail stays locked to the thread that took it. A node killed while sending leaves
 *     it locked this long; then it is sent again, with the same Message-ID, if it had not been recorded as sent.
 *     Well above the longest send (the SMTP timeouts: about 40 s when one of them hits), so that a live node's
 *     mail is never taken over mid-send
 * @param retryIntervals the waits before the retries of a failed mail; after the last one it is an incident in
 *     Cockpit
 * @param waitTime the first wait of an idle thread before it looks for mail again, doubled up to max-wait (mail
 *     written on this node wakes the threads at once)
 * @param maxWait the longest wait of an idle thread: mail another node writes goes out within it
 */
@ConfigurationProperties("proposals.mail.worker")
record MailWorkerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("4") int threads,
                            @DefaultValue("PT2M") Duration lockDuration,
                            @DefaultValue({"PT1M", "PT5M", "PT15M", "PT1H", "PT4H", "PT12H"}) List<Duration> retryIntervals,
                            @DefaultValue("PT0.5S") Duration waitTime, @DefaultValue("PT5S") Duration maxWait)
    implements OutboxSettings {

  MailWorkerProperties {
    if (threads < 1 || retryIntervals.isEmpty()) {
      throw new IllegalArgumentException("proposals.mail.worker needs threads (at least 1) and retry-intervals");
    }
    retryIntervals = List.copyOf(retryIntervals);
  }
}
