package vn.onestop.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery of notices through the outbox, {@code onestop.notify.outbox.*}.
 *
 * @param maxAttempts attempts per notice and channel before it is marked FAILED (default 8)
 * @param retryDelay  delay after the first failure; doubled after each further one (default 30 s)
 * @param maxDelay    longest delay between two attempts (default 1 h): with the defaults a notice is
 *                    tried for about 2 hours before it fails
 * @param batchSize   notices one node claims per round (default 50)
 */
@ConfigurationProperties(prefix = "onestop.notify.outbox")
public record OutboxProperties(Integer maxAttempts, Duration retryDelay, Duration maxDelay, Integer batchSize) {

  public OutboxProperties {
    maxAttempts = maxAttempts == null || maxAttempts < 1 ? 8 : maxAttempts;
    retryDelay = retryDelay == null ? Duration.ofSeconds(30) : retryDelay;
    maxDelay = maxDelay == null ? Duration.ofHours(1) : maxDelay;
    batchSize = batchSize == null || batchSize < 1 ? 50 : batchSize;
  }

  /** Delay before attempt {@code attempts + 1}, after {@code attempts} failures. */
  Duration delayAfter(int attempts) {
    long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
    Duration d = retryDelay.multipliedBy(factor);
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }
}
