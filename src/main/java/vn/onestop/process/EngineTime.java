package vn.onestop.process;

import vn.onestop.process.EngineTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Now" as the engine sees it, and the one time zone of OneStop (Việt Nam, {@code Asia/Ho_Chi_Minh},
 * no daylight saving). Timers and task creation times use the engine's clock, so OneStop's register,
 * deadlines, slips and reports must too, or a process test that moves time would see two clocks. This
 * is the one place that touches the engine's clock (an internal class with the same name in Operaton)
 * and the one place that names the zone; everything else takes {@link #now()}, {@link #clock()} (the
 * {@link Clock} bean) or {@link #ZONE}.
 */
@Component
public class EngineTime {

  /** Việt Nam's time zone: every working day, deadline and printed date is in it. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private static final Clock CLOCK = new EngineClock(ZONE);
  private static final Clock WALL = Clock.systemUTC();

  public Instant now() {
    return current();
  }

  /** The engine's "now", for code that has no bean at hand (error bodies, static helpers). */
  public static Instant current() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /**
   * The wall clock, for the few places that measure real elapsed time or state a legal fact that a moved
   * test clock must not change: the time in a signature and the validity of signing certificates, login
   * delays and remembered password checks, retry delays of the notice outbox and the paper queue. Decided
   * here, beside the engine's clock, so time keeps one home (docs/architecture.md "Time").
   */
  public static Instant wallNow() {
    return WALL.instant();
  }

  /** {@link #wallNow()} as a {@link Clock}. */
  public static Clock wallClock() {
    return WALL;
  }

  /** A {@link Clock} in {@link #ZONE} that follows the engine's clock: moving the engine's clock moves it. */
  public static Clock clock() {
    return CLOCK;
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

  /** java.time's view of the engine's clock; the JDK has no clock backed by a supplier, so this is ours. */
  private static final class EngineClock extends Clock {

    private final ZoneId zone;

    EngineClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return other.equals(zone) ? this : new EngineClock(other);
    }

    @Override
    public Instant instant() {
      return current();
    }
  }
}
