package vn.onestop.security;

import vn.onestop.process.EngineTime;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks a staff member's password for HTTP Basic (the engine REST API and the staff API), throttled by
 * {@link LoginThrottle}, and remembers a successful check for a short while (issue 18: the password hash and the
 * group queries were paid on every call).
 *
 * <p>A remembered check is keyed by the user and an HMAC of the password under a key that lives only in this
 * process (no password or reusable hash is kept), and it is used only while the user's stored password hash
 * ({@code ACT_ID_USER.PWD_}) is the one seen at the check and the user is not locked: one primary-key read replaces
 * the hash, the attempt bookkeeping and the group and tenant queries. A changed password, a deleted user or a lock
 * ends it on every node at once, and so does a changed group membership (the group ids are read with the hash); a
 * changed tenant membership is seen after {@code check-cache-ttl} at most.
 */
@Component
public class PasswordChecks {

  private final IdentityService identityService;
  private final JdbcTemplate jdbc;
  private final LoginThrottle throttle;
  private final LoginProperties properties;
  private final Clock clock;
  private final byte[] key = new byte[32];
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

  public PasswordChecks(IdentityService identityService, JdbcTemplate jdbc, LoginThrottle throttle, LoginProperties properties) {
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.throttle = throttle;
    this.properties = properties;
    this.clock = EngineTime.wallClock();
    new SecureRandom().nextBytes(key);
  }

  /** A staff member as the engine sees her. */
  public record Identity(String userId, List<String> groups, List<String> tenants) {}

  /** The outcome of one check: an identity, a wrong password, or a delay still running. */
  public record Outcome(Identity identity, Duration retryAfter) {
    public boolean ok() {
      return identity != null;
    }

    public boolean throttled() {
      return retryAfter != null;
    }
  }

  public Outcome check(String userId, String password, String source) {
    Instant now = clock.instant();
    String proof = hmac(userId, password);
    Remembered hit = remembered.get(userId);
    if (hit != null && constantTimeEquals(hit.proof(), proof) && hit.until().isAfter(now) && Objects.equals(hit.storedHash(), storedHash(userId, now))) {
      return new Outcome(hit.identity(), null);
    }
    Duration wait = throttle.waitFor(userId, source, now);
    if (!wait.isZero()) {
      return new Outcome(null, wait);
    }
    if (!identityService.checkPassword(userId, password)) {
      throttle.failed(userId, source, now);
      remembered.remove(userId);
      return new Outcome(null, null);
    }
    throttle.succeeded(userId, source);
    Identity identity = identityOf(userId);
    String stored = storedHash(userId, now);
    if (!properties.checkCacheTtl().isZero() && stored != null) {
      if (remembered.size() > 10_000) {
        remembered.values().removeIf(r -> r.until().isBefore(now));
      }
      remembered.put(userId, new Remembered(proof, stored, now.plus(properties.checkCacheTtl()), identity));
    }
    return new Outcome(identity, null);
  }

  /** The user's groups and tenants, as the engine's own REST filter sets them. */
  public Identity identityOf(String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    return new Identity(userId, groups, tenants);
  }

  /**
   * The stored hash with the user's group ids (so a changed membership is seen at once), or null when the user is
   * gone or locked. One query: the user's primary key and the membership index.
   */
  private String storedHash(String userId, Instant now) {
    List<String> rows = jdbc.query("""
        select u.PWD_, u.LOCK_EXP_TIME_,
          (select string_agg(m.GROUP_ID_, ',' order by m.GROUP_ID_) from ACT_ID_MEMBERSHIP m where m.USER_ID_ = u.ID_)
        from ACT_ID_USER u where u.ID_ = ?""", (rs, i) -> {
      Timestamp lock = rs.getTimestamp(2);
      return lock != null && lock.toInstant().isAfter(now) || rs.getString(1) == null ? null
          : rs.getString(1) + "|" + rs.getString(3);
    }, userId);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private String hmac(String userId, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(userId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return java.util.HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Remembered(String proof, String storedHash, Instant until, Identity identity) {}

  static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
