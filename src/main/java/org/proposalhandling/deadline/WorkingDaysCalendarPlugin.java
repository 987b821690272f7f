package org.proposalhandling.deadline;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Registers the working-day calendar with the engine as the business calendar {@value #NAME}, beside the
 * engine's own "duration", "dueDate" and "cycle", which stay as they are. Camunda 7 picks a timer's calendar
 * by the kind of timer (timeDuration, timeDate, timeCycle) and offers no attribute to name another, so the
 * process's timers call the {@code deadlines} bean, which counts on this same calendar; the registered one
 * serves engine-side code that asks the calendar manager by name.
 */
class WorkingDaysCalendarPlugin extends AbstractProcessEnginePlugin {

  static final String NAME = "workingDays";

  private final WorkingDayCalendar calendar;

  WorkingDaysCalendarPlugin(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    BusinessCalendarManager existing = configuration.getBusinessCalendarManager();
    MapBusinessCalendarManager manager;
    if (existing instanceof MapBusinessCalendarManager map) {
      manager = map;
    } else if (existing == null) {
      manager = new MapBusinessCalendarManager();
      manager.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
      manager.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar());
      manager.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
      configuration.setBusinessCalendarManager(manager);
    } else {
      throw new IllegalStateException("Cannot register the business calendar '" + NAME + "' on "
          + existing.getClass().getName() + ": expected a MapBusinessCalendarManager");
    }
    manager.addBusinessCalendar(NAME, new WorkingDaysBusinessCalendar(calendar));
  }
}
