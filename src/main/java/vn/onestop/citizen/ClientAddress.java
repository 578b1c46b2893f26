package vn.onestop.citizen;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The address a public request comes from, for throttling. {@code X-Forwarded-For} is believed only
 * from a configured reverse proxy ({@code onestop.portal.trusted-proxies}, loopback by default); the
 * client is then the header's last entry, the one the proxy itself added.
 */
@Component
public class ClientAddress {

  private final CitizenProperties properties;

  public ClientAddress(CitizenProperties properties) {
    this.properties = properties;
  }

  public String of(HttpServletRequest request) {
    String remote = request.getRemoteAddr();
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank() && properties.trustedProxies().contains(remote)) {
      String[] hops = forwarded.split(",");
      String last = hops[hops.length - 1].trim();
      if (!last.isEmpty() && last.length() <= 64) {
        return last;
      }
    }
    return remote;
  }
}
