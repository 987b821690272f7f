package org.proposalhandling.calendar;

import java.util.Map;
import java.util.Set;

/**
 * What another module counts on the provisional years, for the health check "holidayCalendar": the calendar
 * knows which years it was asked about, not which stored dates were counted across them.
 */
public interface ProvisionalCalendarUse {

  /** The years that stored dates are counted across; any of them without a file makes the check PROVISIONAL. */
  Set<Integer> provisionalYears();

  /** Details for administrators, after the calendar's own, in this order. */
  Map<String, Object> details();
}
