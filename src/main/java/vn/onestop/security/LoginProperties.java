package vn.onestop.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login throttling and the cache of password checks ({@code onestop.security.login.*}); see docs/security.md.
 *
 * @param freeFailures        wrong passwords for one account from one address before delays start
 * @param sourceFreeFailures  wrong passwords from one address (any accounts) before that address is delayed
 * @param baseDelay           the first delay; each further failure doubles it
 * @param maxDelay            the longest delay of one account from one address
 * @param maxSourceDelay      the longest delay of one address
 * @param forgetAfter         failures older than this are forgotten
 * @param alertFailures       failures of one account (all addresses) that raise a warning in the log and in
 *                            {@code GET /api/staff/login-failures}
 * @param checkCacheTtl       how long a successful HTTP Basic check is reused (0 = never); the stored password
 *                            hash is compared on every use, so a changed or locked password ends it at once
 */
@ConfigurationProperties(prefix = "onestop.security.login")
public record LoginProperties(Integer freeFailures, Integer sourceFreeFailures, Duration baseDelay, Duration maxDelay,
    Duration maxSourceDelay, Duration forgetAfter, Integer alertFailures, Duration checkCacheTtl) {

  public LoginProperties {
    freeFailures = freeFailures == null ? 3 : freeFailures;
    sourceFreeFailures = sourceFreeFailures == null ? 10 : sourceFreeFailures;
    baseDelay = baseDelay == null ? Duration.ofSeconds(1) : baseDelay;
    maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
    maxSourceDelay = maxSourceDelay == null ? Duration.ofMinutes(15) : maxSourceDelay;
    forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
    alertFailures = alertFailures == null ? 10 : alertFailures;
    checkCacheTtl = checkCacheTtl == null ? Duration.ofMinutes(1) : checkCacheTtl;
  }
}
