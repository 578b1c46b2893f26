package vn.onestop.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.springframework.stereotype.Component;
import vn.onestop.calendar.WorkingCalendar;

/**
 * The value of {@code dossier.resolution_working_days}, which the dossier flow writes when it sets
 * {@code finished_at}: working days the clock ran from its last (re)start to the finish, from the
 * working calendar (SQL cannot count working days). For a PAUSE procedure pass the paused working days.
 */
@Component
public class ResolutionTime {

  private final WorkingCalendar calendar;

  public ResolutionTime(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  public BigDecimal workingDays(Instant clockStartedAt, Instant finishedAt, BigDecimal pausedWorkingDays) {
    if (finishedAt.isBefore(clockStartedAt)) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal days = calendar.workingDaysBetween(clockStartedAt, finishedAt);
    if (pausedWorkingDays != null) {
      days = days.subtract(pausedWorkingDays).max(BigDecimal.ZERO);
    }
    return days.setScale(2, RoundingMode.HALF_UP);
  }
}
