package org.proposalhandling.deadline;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.proposalhandling.workflow.EngineClock;

/**
 * A Camunda business calendar on the working days of Chinese government departments: an ISO-8601 period is
 * counted as months on the calendar (moving to the next working day, see {@link WorkingDayCalendar#addMonths})
 * and then days as working days: {@code P5D} from Friday 2024-09-27 is Thursday 2024-10-10 (国庆节 and the
 * 调休 of Sunday 09-29 counted). The time of day (Beijing time) is kept. Periods with hours or minutes are
 * not working-day periods and are refused.
 */
class WorkingDaysBusinessCalendar implements BusinessCalendar {

  private final WorkingDayCalendar calendar;

  WorkingDaysBusinessCalendar(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public Date resolveDuedate(String duedate) {
    return resolveDuedate(duedate, ClockUtil.getCurrentTime());
  }

  @Override
  public Date resolveDuedate(String duedate, Task task) {
    return resolveDuedate(duedate, task == null || task.getCreateTime() == null ? ClockUtil.getCurrentTime() : task.getCreateTime());
  }

  @Override
  public Date resolveDuedate(String duedate, Date startDate) {
    Period period;
    try {
      period = Period.parse(duedate.strip());
    } catch (DateTimeParseException e) {
      throw new ProcessEngineException("'" + duedate + "' is not a working-day period such as P5D or P3M", e);
    }
    if (period.isNegative()) {
      throw new ProcessEngineException("A working-day period must not be negative: " + duedate);
    }
    ZonedDateTime start = startDate.toInstant().atZone(EngineClock.ZONE);
    LocalDate day = start.toLocalDate();
    long months = period.toTotalMonths();
    if (months > 0) {
      day = calendar.addMonths(day, (int) months);
    }
    day = calendar.addWorkingDays(day, period.getDays());
    return Date.from(start.with(day).toInstant());
  }
}
