package vn.onestop.signing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * One registered signing key (a row of {@code onestop.signing_key}): whose it is — a person of an
 * agency, or the agency's seal when {@code holder} is null —, where it lives ({@code adapter}:
 * PKCS12, PKCS11, REMOTE, with {@code keyRef} the alias or credential id), its certificate and chain.
 */
public record SigningKey(long id, String agencyId, String holder, String adapter, String keyRef, X509Certificate certificate,
    List<X509Certificate> chain, Instant notBefore, Instant notAfter, Instant revokedAt, boolean demo, byte[] keystore) {

  public boolean seal() {
    return holder == null;
  }

  public String serialHex() {
    return certificate.getSerialNumber().toString(16);
  }
}
