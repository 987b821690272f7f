package org.proposalhandling.handling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * proposals.countersign: the co-handling units' 会签 of the lead unit's reviewed draft.
 *
 * @param enabled whether 交办 asks the co-handling units to countersign by default (the office's rule; the
 *     assigning clerk may change it per item); off by default, as the national rules do not ask it
 * @param deadlineWorkingDays working days a co-handling unit has to countersign; silence after them counts as
 *     agreement (逾期未会签，视为同意)
 */
@ConfigurationProperties("proposals.countersign")
record CountersignProperties(@DefaultValue("false") boolean enabled, @DefaultValue("5") int deadlineWorkingDays) {
}
