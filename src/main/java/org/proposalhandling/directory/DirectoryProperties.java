package org.proposalhandling.directory;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * proposals.directory.
 *
 * @param additionalUnits seed files of units beside units.yaml (under seeds/ on the classpath), e.g. the
 *     benchmark's 210 units of a national session
 */
@ConfigurationProperties("proposals.directory")
record DirectoryProperties(@DefaultValue List<String> additionalUnits) {
}
