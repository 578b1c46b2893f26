package vn.onestop.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting a stranger lock anybody out (issue 24, finding 3). Instead of the
 * engine's permanent lock after ten failures, every failed login adds to two counters:
 * <ul>
 *   <li>the account <b>from that address</b>: after {@code freeFailures} the next attempt waits
 *       {@code baseDelay}, doubling with each failure up to {@code maxDelay};</li>
 *   <li>the address, whatever the accounts: after {@code sourceFreeFailures} the same growth up to
 *       {@code maxSourceDelay} (300 names tried from one address are slowed to a crawl).</li>
 * </ul>
 * An attempt made while a delay runs is refused without checking the password and without counting. Because the
 * account's delay is kept per address, guesses from elsewhere never delay the real user at her own desk, and an
 * administrator is never locked out. Failures per account over all addresses are counted for the administrators'
 * view ({@link #report}) and logged as a warning at {@code alertFailures}.
 *
 * <p>Kept in memory per node (an attacker spreading over nodes gets each node's allowance; a restart forgets):
 * written here because the counting is tied to OneStop's login points; a DB-backed counter would cost a write on
 * every request of the staff API.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  private static final int MAX_ENTRIES = 100_000;

  private final LoginProperties properties;
  private final Map<String, Counter> accountAtSource = new ConcurrentHashMap<>();
  private final Map<String, Counter> sources = new ConcurrentHashMap<>();
  private final Map<String, Counter> accounts = new ConcurrentHashMap<>();

  public LoginThrottle(LoginProperties properties) {
    this.properties = properties;
  }

  /** How long the caller must still wait before this attempt is even checked (zero: go ahead). */
  public Duration waitFor(String userId, String source, Instant now) {
    Duration account = remaining(accountAtSource.get(key(userId, source)), properties.freeFailures(), properties.maxDelay(), now);
    Duration address = remaining(sources.get(source), properties.sourceFreeFailures(), properties.maxSourceDelay(), now);
    return account.compareTo(address) >= 0 ? account : address;
  }

  /** A wrong password (or an unknown user) from that address. */
  public void failed(String userId, String source, Instant now) {
    if (accountAtSource.size() > MAX_ENTRIES || sources.size() > MAX_ENTRIES) {
      forgetOld(now);
    }
    accountAtSource.compute(key(userId, source), (k, c) -> Counter.bump(c, properties.forgetAfter(), now));
    sources.compute(source, (k, c) -> Counter.bump(c, properties.forgetAfter(), now));
    Counter total = accounts.compute(userId, (k, c) -> Counter.bump(c, properties.forgetAfter(), now));
    if (total.failures() == properties.alertFailures() || total.failures() % (properties.alertFailures() * 10) == 0) {
      LOG.warn("Đăng nhập sai nhiều lần: tài khoản '{}' sai {} lần trong {} (lần cuối từ {})", userId, total.failures(),
          properties.forgetAfter(), source);
    }
  }

  /** The right password: the account is clear again from that address (the address's own count stays). */
  public void succeeded(String userId, String source) {
    accountAtSource.remove(key(userId, source));
  }

  /** Accounts with failures still remembered, most failures first, for administrators. */
  public List<AccountFailures> report(Instant now) {
    return accounts.entrySet().stream()
        .filter(e -> !e.getValue().expired(properties.forgetAfter(), now))
        .map(e -> new AccountFailures(e.getKey(), e.getValue().failures(), e.getValue().last(),
            e.getValue().failures() >= properties.alertFailures()))
        .sorted(Comparator.comparingInt(AccountFailures::failures).reversed())
        .toList();
  }

  /** One account's failures over every address. */
  public record AccountFailures(String userId, int failures, Instant lastFailure, boolean alert) {}

  private Duration remaining(Counter counter, int free, Duration max, Instant now) {
    if (counter == null || counter.failures() <= free || counter.expired(properties.forgetAfter(), now)) {
      return Duration.ZERO;
    }
    Duration delay = delay(counter.failures() - free, max);
    Duration left = Duration.between(now, counter.last().plus(delay));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** baseDelay × 2^(n-1), capped. */
  Duration delay(int beyondFree, Duration max) {
    int doublings = Math.min(beyondFree - 1, 30);
    Duration delay = properties.baseDelay().multipliedBy(1L << doublings);
    return delay.compareTo(max) > 0 ? max : delay;
  }

  private void forgetOld(Instant now) {
    accountAtSource.values().removeIf(c -> c.expired(properties.forgetAfter(), now));
    sources.values().removeIf(c -> c.expired(properties.forgetAfter(), now));
    accounts.values().removeIf(c -> c.expired(properties.forgetAfter(), now));
  }

  private static String key(String userId, String source) {
    return userId + "\u0000" + source;
  }

  private record Counter(int failures, Instant last) {
    static Counter bump(Counter counter, Duration forgetAfter, Instant now) {
      return counter == null || counter.expired(forgetAfter, now) ? new Counter(1, now) : new Counter(counter.failures + 1, now);
    }

    boolean expired(Duration forgetAfter, Instant now) {
      return last.plus(forgetAfter).isBefore(now);
    }
  }
}
