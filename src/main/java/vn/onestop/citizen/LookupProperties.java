package vn.onestop.citizen;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Throttling of the status look-up and rating ({@code onestop.lookup.*}).
 *
 * @param maxFailuresPerAddress failed look-ups one client address may make per window
 * @param maxFailuresPerCode    failed look-ups of one dossier code per window (whatever the address)
 * @param window                length of the window
 * @param maxFeedbackPerAddress feedback one address may submit per window
 */
@ConfigurationProperties(prefix = "onestop.lookup")
public record LookupProperties(Integer maxFailuresPerAddress, Integer maxFailuresPerCode, Duration window,
    Integer maxFeedbackPerAddress) {

  public LookupProperties {
    maxFailuresPerAddress = maxFailuresPerAddress == null ? 10 : maxFailuresPerAddress;
    maxFailuresPerCode = maxFailuresPerCode == null ? 5 : maxFailuresPerCode;
    window = window == null ? Duration.ofMinutes(15) : window;
    maxFeedbackPerAddress = maxFeedbackPerAddress == null ? 20 : maxFeedbackPerAddress;
  }
}
