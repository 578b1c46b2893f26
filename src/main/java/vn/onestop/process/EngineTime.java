package vn.onestop.process;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Now" as the engine sees it. Timers and task creation times use the engine's clock, so OneStop's
 * register and deadlines must too, or a process test that moves time would see two clocks. This is
 * the one place that touches the engine's clock (an internal class with the same name in Operaton).
 */
@Component
public class EngineTime {

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static Date toDate(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  public static Instant toInstant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    throw new IllegalArgumentException("Not a point in time: " + value + " (" + value.getClass().getName() + ")");
  }
}
