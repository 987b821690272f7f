package org.proposalhandling.search;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * proposals.search: the full-text index of items and replies, one per node, rebuilt from the database.
 *
 * @param directory the index's folder (each node its own); deleted or of an older version, it is rebuilt at start
 * @param catchUpInterval how often a node reads the item history past its high-water mark, for the steps the
 *     other nodes took (its own steps wake it at once)
 * @param maxHits how many best hits a search hands to the ledger, whose filters and pages work on them
 */
@ConfigurationProperties("proposals.search")
public record SearchProperties(@DefaultValue("data/search") Path directory,
                               @DefaultValue("PT2S") Duration catchUpInterval,
                               @DefaultValue("1000") int maxHits) {
}
