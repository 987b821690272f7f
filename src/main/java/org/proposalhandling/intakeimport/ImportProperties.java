package org.proposalhandling.intakeimport;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * proposals.imports: the background work of an import and of a batch assignment.
 *
 * @param workers how many chunks of an import or a batch assignment run side by side; 0: one per processor
 * @param taskWait how long a batch assignment waits for an item's 立案审查 task (its registration's job not run
 *     yet) before that item fails with this reason
 */
@ConfigurationProperties("proposals.imports")
public record ImportProperties(int workers, @DefaultValue("PT10M") Duration taskWait) {
}
