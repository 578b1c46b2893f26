package vn.onestop.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a request was sent by a page of another origin (another site, or another port of the same host): the
 * browser says so in {@code Sec-Fetch-Site} and {@code Origin}; a machine client sends neither and passes.
 */
final class RequestOrigin {

  static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private RequestOrigin() {}

  static boolean stateChanging(HttpServletRequest request) {
    return !SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT));
  }

  /**
   * @param allowedOrigins further origins trusted as our own (e.g. {@code https://motcua.example.gov.vn} when a proxy
   *                       rewrites the Host header)
   */
  static boolean foreign(HttpServletRequest request, List<String> allowedOrigins) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    String origin = request.getHeader("Origin");
    if (origin != null) {
      if (allowedOrigins.contains(origin)) {
        return false;
      }
      if (origin.equals("null")) {
        return true;
      }
      try {
        URI uri = URI.create(origin);
        String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        String host = request.getHeader("Host");
        if (host == null || authority == null || !authority.equalsIgnoreCase(host)) {
          return true;
        }
      } catch (IllegalArgumentException e) {
        return true;
      }
    }
    return fetchSite != null && (fetchSite.equals("cross-site") || fetchSite.equals("same-site"));
  }
}
