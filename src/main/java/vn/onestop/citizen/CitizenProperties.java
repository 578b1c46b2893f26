package vn.onestop.citizen;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the citizen side, {@code onestop.portal.*} and {@code onestop.lookup.*}; every one has a
 * default, so OneStop starts without any of them (the online-submission API then refuses every caller,
 * as no portal client is configured).
 *
 * @param clients        portal clients allowed to call {@code /api/online-dossiers}: an id and the
 *                       SHA-256 (hex) of the key they send in {@code X-Api-Key}. Keys are never stored,
 *                       only their hashes: {@code printf %s "$KEY" | sha256sum}
 * @param requestsPerMinute requests one client may make per minute, all nodes together
 * @param maxJsonSize    largest JSON body (documents in base64 included) of an online submission
 * @param trustedProxies remote addresses whose {@code X-Forwarded-For} is believed (a reverse proxy);
 *                       the client address is then the last entry of that header
 */
@ConfigurationProperties(prefix = "onestop.portal")
public record CitizenProperties(List<Client> clients, Integer requestsPerMinute, DataSize maxJsonSize,
    List<String> trustedProxies) {

  public static final int DEFAULT_REQUESTS_PER_MINUTE = 120;
  public static final DataSize DEFAULT_MAX_JSON_SIZE = DataSize.ofMegabytes(25);
  public static final List<String> DEFAULT_TRUSTED_PROXIES = List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");

  /** One portal that hands dossiers over (e.g. the provincial public-service portal). */
  public record Client(String id, String keySha256) {}

  public CitizenProperties {
    clients = clients == null ? List.of() : List.copyOf(clients);
    requestsPerMinute = requestsPerMinute == null || requestsPerMinute < 1 ? DEFAULT_REQUESTS_PER_MINUTE : requestsPerMinute;
    maxJsonSize = maxJsonSize == null ? DEFAULT_MAX_JSON_SIZE : maxJsonSize;
    trustedProxies = trustedProxies == null ? DEFAULT_TRUSTED_PROXIES : List.copyOf(trustedProxies);
  }
}
