package org.proposalhandling.engine.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * proposals.history: what {@link LeanHistory} keeps.
 *
 * @param wholeJobLog keep the job log and the external task log whole (which node ran which job or sent which
 *     mail, e.g.) instead of their failures only
 */
@ConfigurationProperties("proposals.history")
record HistoryProperties(boolean wholeJobLog) {
}
