package vn.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The delays grow, are capped, are temporary, and are kept per account-and-address and per address. */
class LoginThrottleTest {

  final LoginThrottle throttle = new LoginThrottle(new LoginProperties(3, 10, Duration.ofSeconds(1), Duration.ofMinutes(5),
      Duration.ofMinutes(15), Duration.ofHours(1), 10, Duration.ofMinutes(1)));
  final Instant t0 = Instant.parse("2026-03-02T02:00:00Z");

  @Test
  void delaysGrowPerAccountAndAddressAndNeverLock() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("clerk", "10.0.0.9", t0);
    }
    assertThat(throttle.waitFor("clerk", "10.0.0.9", t0)).as("three free failures").isZero();
    throttle.failed("clerk", "10.0.0.9", t0);
    assertThat(throttle.waitFor("clerk", "10.0.0.9", t0)).isEqualTo(Duration.ofSeconds(1));
    throttle.failed("clerk", "10.0.0.9", t0);
    assertThat(throttle.waitFor("clerk", "10.0.0.9", t0)).isEqualTo(Duration.ofSeconds(2));
    for (int i = 0; i < 30; i++) {
      throttle.failed("clerk", "10.0.0.9", t0);
    }
    assertThat(throttle.waitFor("clerk", "10.0.0.9", t0)).as("capped: the address's own delay (15 min) now rules")
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(throttle.delay(40, Duration.ofMinutes(5))).as("an account's delay is capped").isEqualTo(Duration.ofMinutes(5));
    assertThat(throttle.waitFor("clerk", "10.0.0.9", t0.plus(Duration.ofMinutes(15)))).as("temporary").isZero();
    assertThat(throttle.waitFor("clerk", "192.168.1.20", t0)).as("her own desk is not delayed").isZero();
  }

  @Test
  void anAddressTryingManyNamesIsSlowedDown() {
    for (int i = 0; i < 12; i++) {
      throttle.failed("name-" + i, "10.6.6.6", t0);
    }
    assertThat(throttle.waitFor("someone-else", "10.6.6.6", t0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(throttle.waitFor("someone-else", "10.0.0.1", t0)).isZero();
    assertThat(throttle.report(t0)).hasSize(12);
    assertThat(throttle.report(t0.plus(Duration.ofHours(2)))).as("forgotten").isEmpty();
  }
}
