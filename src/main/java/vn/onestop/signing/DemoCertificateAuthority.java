package vn.onestop.signing;

import vn.onestop.process.EngineTime;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo certificate authority (CHỈ DÙNG THỬ): made at the first start of a demo or test
 * installation and kept in {@code onestop.signing_ca}, it issues the PKCS#12 keys of staff and the
 * agencies' seals on demand and publishes their revocation list. Every name it issues carries
 * "DEMO — không có giá trị pháp lý", so nobody can take its papers for real ones. Production uses
 * certificates of a licensed Vietnamese CA on a token or a remote-signing service instead.
 * Written with Bouncy Castle's certificate builders (no hand-made ASN.1); EC P-256 keys, which are
 * quick to make and accepted by PAdES.
 */
@Component
public class DemoCertificateAuthority {

  private static final Logger log = LoggerFactory.getLogger(DemoCertificateAuthority.class);
  static final String DEMO_MARK = "DEMO — không có giá trị pháp lý";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final SigningProperties properties;
  private volatile X509Certificate root;
  private volatile PrivateKey rootKey;

  public DemoCertificateAuthority(JdbcTemplate jdbc, SigningProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** A key pair and the certificate the demo CA issued for it. */
  public record Issued(KeyPair keys, X509Certificate certificate) {}

  public boolean enabled() {
    return properties.getDemoCa().isEnabled();
  }

  /** At first start the root is made (once for all nodes sharing the database). */
  @EventListener(ApplicationReadyEvent.class)
  public void atStart() {
    if (enabled()) {
      root();
    }
  }

  /** The demo root certificate (a trust anchor of verification while the demo CA is enabled). */
  public synchronized X509Certificate root() {
    if (root == null) {
      List<Map<String, Object>> rows = jdbc.queryForList("SELECT certificate, private_key FROM onestop.signing_ca WHERE id = 1");
      if (rows.isEmpty()) {
        KeyPair keys = ecKeys();
        X500Name name = name("OneStop DEMO Root CA", null, "OneStop", DEMO_MARK);
        Instant now = EngineTime.wallNow();
        X509Certificate cert = build(name, keys.getPublic(), name, keys.getPrivate(), now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(365L * 20)), true, false);
        jdbc.update("INSERT INTO onestop.signing_ca (id, certificate, private_key) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING",
            encoded(cert), keys.getPrivate().getEncoded());
        rows = jdbc.queryForList("SELECT certificate, private_key FROM onestop.signing_ca WHERE id = 1");
        log.warn("Created the DEMO certificate authority for signed papers: its signatures have no legal value");
      }
      Map<String, Object> r = rows.get(0);
      X509Certificate c = certificate((byte[]) r.get("certificate"));
      try {
        rootKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec((byte[]) r.get("private_key")));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("The demo CA's key cannot be read", e);
      }
      root = c;
    }
    return root;
  }

  /**
   * Issues a signing certificate.
   *
   * @param commonName the holder's name (a person's full name or the agency's name)
   * @param title      the holder's title (chức danh), or {@code null}
   * @param organisation the agency
   */
  public Issued issue(String commonName, String title, String organisation, Instant notBefore, Instant notAfter) {
    X509Certificate ca = root();
    KeyPair keys = ecKeys();
    X509Certificate cert = build(name(commonName, title, organisation, DEMO_MARK), keys.getPublic(),
        X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), rootKey, notBefore, notAfter, false, false);
    return new Issued(keys, cert);
  }

  /** A timestamping certificate (for a test's own RFC 3161 authority). */
  public Issued issueTimestamping(String commonName) {
    X509Certificate ca = root();
    KeyPair keys = ecKeys();
    Instant now = EngineTime.wallNow();
    X509Certificate cert = build(name(commonName, null, "OneStop", DEMO_MARK), keys.getPublic(),
        X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), rootKey, now.minus(Duration.ofDays(1)),
        now.plus(Duration.ofDays(365)), false, true);
    return new Issued(keys, cert);
  }

  /** The current revocation list (CRL) of the demo CA: every revoked demo key, valid for a day. */
  public byte[] crl() {
    X509Certificate ca = root();
    Instant now = EngineTime.wallNow();
    X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
        Date.from(now.minusSeconds(60)));
    builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
    jdbc.query("SELECT serial, revoked_at FROM onestop.signing_key WHERE demo AND revoked_at IS NOT NULL", rs -> {
      builder.addCRLEntry(new BigInteger(rs.getString("serial"), 16), new Date(rs.getTimestamp("revoked_at").getTime()),
          CRLReason.keyCompromise);
    });
    try {
      return builder.build(signer(rootKey)).getEncoded();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ecKeys() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X500Name name(String cn, String title, String organisation, String unit) {
    X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
    b.addRDN(BCStyle.C, "VN");
    if (organisation != null) {
      b.addRDN(BCStyle.O, organisation);
    }
    if (unit != null) {
      b.addRDN(BCStyle.OU, unit);
    }
    if (title != null) {
      b.addRDN(BCStyle.T, title);
    }
    b.addRDN(BCStyle.CN, cn);
    return b.build();
  }

  private static X509Certificate build(X500Name subject, java.security.PublicKey key, X500Name issuer, PrivateKey issuerKey,
      Instant notBefore, Instant notAfter, boolean ca, boolean timestamping) {
    try {
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(BigInteger.ONE),
          Date.from(notBefore), Date.from(notAfter), subject, key);
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key));
      if (ca) {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        if (timestamping) {
          b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
          b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        } else {
          b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        }
      }
      X509CertificateHolder holder = b.build(signer(issuerKey));
      return certificate(holder.getEncoded());
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("Cannot issue a demo certificate", e);
    }
  }

  private static ContentSigner signer(PrivateKey key) {
    try {
      return new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  static X509Certificate certificate(byte[] der) {
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Not an X.509 certificate", e);
    }
  }

  static byte[] encoded(X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static Timestamp ts(Instant i) {
    return Timestamp.from(i);
  }
}
