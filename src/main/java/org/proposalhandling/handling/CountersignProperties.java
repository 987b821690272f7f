package org.proposalhandling.handling;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * proposals.countersign: the co-handling units' 会签 of the lead unit's reviewed draft.
 *
 * @param enabled whether 交办 asks the co-handling units to countersign by default (the office's rule; the
 *     assigning clerk may change it per item), for every assigning office not named in {@code offices}; off by
 *     default, as the national rules do not ask it
 * @param offices the rule of each assigning office that differs from {@code enabled}, by the office's unit id, e.g.
 *     {@code proposals.countersign.offices.cz-gov=true} (some provinces ask 会签, some not)
 * @param deadlineWorkingDays working days a co-handling unit has to countersign; silence after them counts as
 *     agreement (逾期未会签，视为同意)
 */
@ConfigurationProperties("proposals.countersign")
record CountersignProperties(@DefaultValue("false") boolean enabled, @DefaultValue Map<String, Boolean> offices,
                             @DefaultValue("5") int deadlineWorkingDays) {

  boolean enabledFor(String officeId) {
    return offices.getOrDefault(officeId, enabled);
  }
}
