package org.proposalhandling.workflow;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * proposals.office.
 *
 * @param zone the office's time zone: every date and time a user sees, and every calendar date the app counts
 *     (today, deadlines), is in it, whatever the server's or the JVM's zone
 */
@ConfigurationProperties("proposals.office")
record OfficeProperties(@DefaultValue("Asia/Shanghai") ZoneId zone) {
}
