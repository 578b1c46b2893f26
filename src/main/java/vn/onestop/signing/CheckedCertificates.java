package vn.onestop.signing;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.signature.ExternalCMSService;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What DSS already knows about the signing certificates (chứng thư số ký).
 *
 * <p>A key's certificate and chain as DSS's tokens, kept per key: DSS orders the chain of every CMS it builds by
 * verifying which certificate signed which, and remembers the answers in the tokens; with new tokens for each
 * signature those verifications were a fifth of the paper workers' time (issue 18.2).
 *
 * <p>Signing certificates that DSS found valid a moment ago. Before every signature DSS validates the
 * signing certificate — its chain to a trust anchor, its revocation status from the CA's list — and that was a tenth of
 * the paper workers' time (issue 18.2) for the same few certificates all day. A success is remembered for
 * {@link #KEPT}: the next signature with that certificate within it, at a time inside the certificate's validity, is not
 * validated again. OneStop's own key register (expiry, revocation recorded by an administrator) is still asked before
 * every paper ({@link SigningKeys#requireUsable}); what a remembered check can miss is a revocation the CA published
 * in those minutes, which the verification of the paper ({@link PaperVerifier}) still finds. A failure is never
 * remembered.
 */
final class CheckedCertificates {

  static final Duration KEPT = Duration.ofMinutes(5);
  static final int MAX = 1_024;

  private final Map<String, Instant> checkedAt = new ConcurrentHashMap<>();
  private final Map<Long, Tokens> tokens = new ConcurrentHashMap<>();

  /** The signing certificate and the chain from it upwards (the signing certificate first), as DSS's tokens. */
  record Tokens(X509Certificate certificate, List<X509Certificate> chain, CertificateToken signing,
      List<CertificateToken> path) {}

  /** The key's tokens, made once for as long as its certificate and chain stay the same. */
  Tokens tokens(SigningKey key) {
    Tokens kept = tokens.get(key.id());
    if (kept != null && kept.certificate().equals(key.certificate()) && kept.chain().equals(key.chain())) {
      return kept;
    }
    CertificateToken signing = new CertificateToken(key.certificate());
    List<CertificateToken> path = new ArrayList<>();
    path.add(signing);
    for (X509Certificate c : key.chain()) {
      path.add(new CertificateToken(c));
    }
    Tokens made = new Tokens(key.certificate(), List.copyOf(key.chain()), signing, List.copyOf(path));
    if (tokens.size() >= MAX) {
      tokens.clear();
    }
    tokens.put(key.id(), made);
    return made;
  }

  /** True when the certificate passed DSS's check less than {@link #KEPT} before {@code at} and is valid at it. */
  boolean recentlyPassed(CertificateToken certificate, Instant at) {
    Instant checked = checkedAt.get(certificate.getDSSIdAsString());
    return checked != null && !at.isBefore(checked) && at.isBefore(checked.plus(KEPT))
        && !at.isBefore(certificate.getNotBefore().toInstant()) && !at.isAfter(certificate.getNotAfter().toInstant());
  }

  void passed(CertificateToken certificate, Instant at) {
    if (checkedAt.size() >= MAX) {
      checkedAt.clear();
    }
    checkedAt.put(certificate.getDSSIdAsString(), at);
  }

  /** DSS's CMS service for PAdES, validating a signing certificate only when it has not passed a moment ago. */
  static final class Service extends ExternalCMSService {

    private final transient CheckedCertificates checked;
    private final Instant at;

    Service(CertificateVerifier verifier, CheckedCertificates checked, Instant at) {
      super(verifier);
      this.checked = checked;
      this.at = at;
    }

    @Override
    protected void assertSigningCertificateValid(AbstractSignatureParameters<?> parameters) {
      CertificateToken certificate = parameters.getSigningCertificate();
      if (certificate != null && checked.recentlyPassed(certificate, at)) {
        return;
      }
      super.assertSigningCertificateValid(parameters);
      if (certificate != null) {
        checked.passed(certificate, at);
      }
    }
  }
}
