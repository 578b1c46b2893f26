package vn.onestop.identity;

import java.math.BigDecimal;
import java.util.Date;
import org.springframework.stereotype.Component;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.process.BpmnBean;
import vn.onestop.process.EngineTime;

/**
 * Instants the Tasklist filters compare due dates with. A stored filter query is evaluated at every
 * listing, so {@code ${tasklistDates.oneWorkingDayFromNow()}} follows the working calendar (weekends,
 * Tết, official swaps) where {@code ${dateTime().plusDays(1)}} would count a Saturday as a working day.
 */
@BpmnBean
@Component("tasklistDates")
public class TasklistDates {

  private final WorkingCalendar calendar;
  private final EngineTime time;

  public TasklistDates(WorkingCalendar calendar, EngineTime time) {
    this.calendar = calendar;
    this.time = time;
  }

  /** One working day of working time from now (Friday 16:00 gives Monday 16:00). */
  public Date oneWorkingDayFromNow() {
    return Date.from(calendar.addWorkingDays(time.now(), BigDecimal.ONE));
  }
}
