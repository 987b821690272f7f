package org.proposalhandling.mail;

import java.time.Duration;
import java.util.List;

/**
 * How a channel's outbox threads take and retry their messages ({@link Outbox}, {@link OutboxWorker}); each
 * channel binds its own keys (proposals.mail.worker, proposals.sms.worker), whose javadoc gives the meaning.
 */
public interface OutboxSettings {

  boolean enabled();

  int threads();

  Duration lockDuration();

  List<Duration> retryIntervals();

  Duration waitTime();

  Duration maxWait();
}
