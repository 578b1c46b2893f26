package vn.onestop.process;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one way tests move the engine's clock (and with it {@link EngineTime} and the {@code Clock}
 * bean): {@link #at(String)} sets it to a local time in Việt Nam, and the extension puts it back to
 * real time after every test, so no test leaves a moved clock to the next one. Use with
 * {@code @ExtendWith(EngineClockExtension.class)} (or inherit it from a support class).
 */
public class EngineClockExtension implements AfterEachCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    ClockUtil.reset();
  }

  /** Sets the engine's clock to a local time in Việt Nam, e.g. {@code "2026-03-02T09:00"}. */
  public static Instant at(String localDateTime) {
    return at(local(localDateTime));
  }

  /** Sets the engine's clock to an instant. */
  public static Instant at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
    return instant;
  }

  /** A local time in Việt Nam as an instant, without moving the clock. */
  public static Instant local(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(EngineTime.ZONE).toInstant();
  }
}
