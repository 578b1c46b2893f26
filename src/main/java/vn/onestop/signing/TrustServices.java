package vn.onestop.signing;

import eu.europa.esig.dss.crl.CRLBinary;
import eu.europa.esig.dss.crl.CRLUtils;
import eu.europa.esig.dss.crl.CRLValidity;
import eu.europa.esig.dss.enumerations.RevocationOrigin;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLToken;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The trust and revocation services of signing and verification: the trust anchors (the demo CA's
 * root while it is enabled, plus {@code onestop.signing.trust-anchors}), revocation data (the demo CA's
 * own list, built in-process; the CRL and OCSP addresses in real certificates, fetched online) and the
 * RFC 3161 timestamp authority ({@code onestop.signing.tsa-url}).
 */
@Component
public class TrustServices {

  private final SigningProperties properties;
  private final DemoCertificateAuthority demoCa;
  private volatile List<CertificateToken> anchors;

  public TrustServices(SigningProperties properties, DemoCertificateAuthority demoCa) {
    this.properties = properties;
    this.demoCa = demoCa;
  }

  /** A verifier for signing and validation: trusted anchors, revocation sources, strict alerts. */
  public CertificateVerifier certificateVerifier() {
    CommonCertificateVerifier verifier = new CommonCertificateVerifier();
    CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
    anchors().forEach(trusted::addCertificate);
    verifier.setTrustedCertSources(trusted);
    verifier.setCrlSource(new DemoFirstCrlSource(demoCa, new OnlineCRLSource()));
    verifier.setOcspSource(new OnlineOCSPSource());
    return verifier;
  }

  /** The timestamp authority, or null when none is configured. */
  public TSPSource tspSource() {
    String url = properties.getTsaUrl();
    return url == null || url.isBlank() ? null : new OnlineTSPSource(url);
  }

  public List<CertificateToken> anchors() {
    List<CertificateToken> a = anchors;
    if (a == null) {
      a = new ArrayList<>();
      if (demoCa.enabled()) {
        a.add(new CertificateToken(demoCa.root()));
      }
      DefaultResourceLoader loader = new DefaultResourceLoader();
      for (String location : properties.getTrustAnchors()) {
        Resource r = loader.getResource(location);
        try (InputStream in = r.getInputStream()) {
          a.add(DSSUtils.loadCertificate(in.readAllBytes()));
        } catch (IOException | RuntimeException e) {
          throw new IllegalStateException("Trust anchor " + location + " cannot be read: " + e.getMessage(), e);
        }
      }
      anchors = a;
    }
    return a;
  }

  /** True when the certificate is the demo CA's root or issued by it. */
  public boolean isDemo(CertificateToken certificate) {
    if (!demoCa.enabled()) {
      return false;
    }
    CertificateToken root = new CertificateToken(demoCa.root());
    return certificate.equals(root) || certificate.isSignedBy(root);
  }

  /** The demo CA's revocation list for its own certificates; online CRLs for every other. */
  static final class DemoFirstCrlSource implements CRLSource {

    private final transient DemoCertificateAuthority demoCa;
    private final CRLSource online;

    DemoFirstCrlSource(DemoCertificateAuthority demoCa, CRLSource online) {
      this.demoCa = demoCa;
      this.online = online;
    }

    @Override
    public CRLToken getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
      if (issuer != null && demoCa.enabled() && issuer.equals(new CertificateToken(demoCa.root()))) {
        try {
          CRLBinary binary = CRLUtils.buildCRLBinary(demoCa.crl());
          CRLValidity validity = CRLUtils.buildCRLValidity(binary, issuer);
          CRLToken token = new CRLToken(certificate, validity);
          token.setExternalOrigin(RevocationOrigin.EXTERNAL);
          return token;
        } catch (IOException e) {
          throw new IllegalStateException("The demo CA's revocation list cannot be built", e);
        }
      }
      return online.getRevocationToken(certificate, issuer);
    }
  }
}
