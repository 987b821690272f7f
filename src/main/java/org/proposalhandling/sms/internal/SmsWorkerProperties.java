package org.proposalhandling.sms.internal;

import java.time.Duration;
import java.util.List;
import org.proposalhandling.mail.OutboxSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * proposals.sms.worker: the app's own threads that send texts, apart from the job executor's and the mail's.
 *
 * @param enabled whether this node sends texts; application.yaml ties it to camunda.bpm.job-execution.enabled
 *     (off in the tests, which send explicitly)
 * @param threads how many texts this node sends at once; they share the one SMPP session, so one is enough
 * @param lockDuration how long a text stays locked to the thread that took it; a node killed while sending leaves
 *     it locked this long, then it is sent again under the same id if it had not been recorded as sent. Above the
 *     longest send: connect, bind and one response timeout per segment at their defaults (5 + 10 + 3 × 10 s)
 * @param retryIntervals the waits before the retries of a failed text; after the last one it is an incident in
 *     Cockpit
 * @param waitTime the first wait of an idle thread before it looks for texts again, doubled up to max-wait
 * @param maxWait the longest wait of an idle thread: texts another node writes go out within it
 */
@ConfigurationProperties("proposals.sms.worker")
public record SmsWorkerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1") int threads,
                                  @DefaultValue("PT2M") Duration lockDuration,
                                  @DefaultValue({"PT1M", "PT5M", "PT15M", "PT1H", "PT4H"}) List<Duration> retryIntervals,
                                  @DefaultValue("PT0.5S") Duration waitTime, @DefaultValue("PT5S") Duration maxWait)
    implements OutboxSettings {

  public SmsWorkerProperties {
    if (threads < 1 || retryIntervals.isEmpty()) {
      throw new IllegalArgumentException("proposals.sms.worker needs threads (at least 1) and retry-intervals");
    }
    retryIntervals = List.copyOf(retryIntervals);
  }
}
