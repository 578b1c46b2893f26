package vn.onestop.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.alert.exception.AlertException;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** A signing certificate DSS found valid is not validated again for a few minutes, and never outside its validity. */
class CheckedCertificatesTest {

  private static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");

  @Test
  void a_pass_is_remembered_for_a_few_minutes_from_the_check_only() throws Exception {
    CertificateToken cert = certificate(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
    CheckedCertificates checked = new CheckedCertificates();
    assertThat(checked.recentlyPassed(cert, NOW)).isFalse();
    checked.passed(cert, NOW);
    assertThat(checked.recentlyPassed(cert, NOW)).isTrue();
    assertThat(checked.recentlyPassed(cert, NOW.plus(CheckedCertificates.KEPT).minusSeconds(1))).isTrue();
    assertThat(checked.recentlyPassed(cert, NOW.plus(CheckedCertificates.KEPT))).isFalse();
    assertThat(checked.recentlyPassed(cert, NOW.minusSeconds(1))).as("before the check").isFalse();
    CertificateToken other = certificate(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
    assertThat(checked.recentlyPassed(other, NOW)).as("another certificate").isFalse();
  }

  @Test
  void a_certificate_that_expires_within_the_minutes_is_checked_again_and_refused_by_dss() throws Exception {
    Instant notAfter = NOW.plusSeconds(60);
    CertificateToken cert = certificate(NOW.minus(Duration.ofDays(1)), notAfter);
    CheckedCertificates checked = new CheckedCertificates();
    new CheckedCertificates.Service(new CommonCertificateVerifier(), checked, NOW).assertSigningCertificateValid(parameters(cert, NOW));
    assertThat(checked.recentlyPassed(cert, NOW.plusSeconds(30))).isTrue();

    Instant later = NOW.plusSeconds(120);
    assertThat(checked.recentlyPassed(cert, later)).isFalse();
    CheckedCertificates.Service service = new CheckedCertificates.Service(new CommonCertificateVerifier(), checked, later);
    assertThatThrownBy(() -> service.assertSigningCertificateValid(parameters(cert, later))).isInstanceOf(AlertException.class);
    assertThat(checked.recentlyPassed(cert, later)).as("a failure is not remembered").isFalse();
  }

  @Test
  void a_keys_tokens_are_kept_until_its_certificate_changes() throws Exception {
    CheckedCertificates checked = new CheckedCertificates();
    CertificateToken cert = certificate(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
    CertificateToken issuer = certificate(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(300)));
    SigningKey key = key(7, cert, issuer);
    CheckedCertificates.Tokens first = checked.tokens(key);
    assertThat(first.path()).extracting(CertificateToken::getCertificate)
        .containsExactly(cert.getCertificate(), issuer.getCertificate());
    assertThat(checked.tokens(key(7, cert, issuer)).signing()).as("the same tokens, with what DSS learnt in them")
        .isSameAs(first.signing());
    CertificateToken renewed = certificate(NOW, NOW.plus(Duration.ofDays(60)));
    assertThat(checked.tokens(key(7, renewed, issuer)).signing().getCertificate()).isEqualTo(renewed.getCertificate());
    assertThat(checked.tokens(key(8, cert, issuer)).signing()).as("another key").isNotSameAs(first.signing());
  }

  private static SigningKey key(long id, CertificateToken cert, CertificateToken issuer) {
    return new SigningKey(id, "agency", "holder", "PKCS12", null, cert.getCertificate(), List.of(issuer.getCertificate()),
        cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), null, true, null);
  }

  private static PAdESSignatureParameters parameters(CertificateToken cert, Instant at) {
    PAdESSignatureParameters p = new PAdESSignatureParameters();
    p.setSigningCertificate(cert);
    p.bLevel().setSigningDate(Date.from(at));
    return p;
  }

  private static CertificateToken certificate(Instant notBefore, Instant notAfter) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=Nguyễn Văn Thử, O=OneStop");
    var holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()), Date.from(notBefore),
        Date.from(notAfter), name, keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
    return new CertificateToken(new JcaX509CertificateConverter().getCertificate(holder));
  }
}
