package vn.onestop.signing;

import vn.onestop.process.EngineTime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.Organisation;

import vn.onestop.process.WithoutAuthorization;

/**
 * Which key signs for whom — data, not code: the newest non-replaced row of {@code onestop.signing_key}
 * for (agency, person) or (agency, seal). While the demo CA is enabled a missing key is issued on first
 * use; otherwise an administrator registers the certificate of the official's token or remote-signing
 * credential (docs/documents.md). Before anything is issued the key is checked: an expired, not yet
 * valid or revoked certificate is refused with a Vietnamese message.
 */
@Component
public class SigningKeys {

  private final JdbcTemplate jdbc;
  private final SigningProperties properties;
  private final DemoCertificateAuthority demoCa;
  private final Organisation organisation;
  private final ObjectProvider<IdentityService> identity;

  public SigningKeys(JdbcTemplate jdbc, SigningProperties properties, DemoCertificateAuthority demoCa, Organisation organisation,
      ObjectProvider<IdentityService> identity) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.demoCa = demoCa;
    this.organisation = organisation;
    this.identity = identity;
  }

  /** The registered key of a person (holder = user id) or of the agency's seal (holder = null). */
  public Optional<SigningKey> find(String agencyId, String holder) {
    List<SigningKey> keys = jdbc.query("SELECT * FROM onestop.signing_key WHERE agency_id = ? AND holder IS NOT DISTINCT FROM ?"
        + " ORDER BY created_at DESC, id DESC LIMIT 1", this::map, agencyId, holder);
    return keys.stream().findFirst();
  }

  public SigningKey get(long id) {
    return jdbc.queryForObject("SELECT * FROM onestop.signing_key WHERE id = ?", this::map, id);
  }

  /** The key, issued by the demo CA on first use when it is enabled; refused when none is registered. */
  public SigningKey obtain(String agencyId, String holder) {
    Optional<SigningKey> key = find(agencyId, holder);
    if (key.isPresent()) {
      return key.get();
    }
    if (!demoCa.enabled()) {
      throw new SigningRefusedException("Chưa đăng ký chứng thư số " + (holder == null ? "(con dấu) của " + agencyName(agencyId)
          : "của " + displayName(holder) + " tại " + agencyName(agencyId)) + ": không thể ký số giấy tờ. Đề nghị quản trị"
          + " viên đăng ký chứng thư số trước khi ban hành.");
    }
    Instant now = EngineTime.wallNow();
    return registerDemo(agencyId, holder, now.minus(Duration.ofMinutes(5)), now.plus(properties.getDemoCa().getValidity()));
  }

  /** Issues and registers a demo PKCS#12 key valid in the given period (tests also make expired ones). */
  public SigningKey registerDemo(String agencyId, String holder, Instant notBefore, Instant notAfter) {
    String agency = agencyName(agencyId);
    String cn = holder == null ? agency : displayName(holder);
    String title = holder == null ? "Con dấu cơ quan" : null;
    DemoCertificateAuthority.Issued issued = demoCa.issue(cn, title, agency, notBefore, notAfter);
    char[] password = properties.getDemoCa().getKeystorePassword().toCharArray();
    byte[] p12;
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("signing", issued.keys().getPrivate(), password,
          new Certificate[] {issued.certificate(), demoCa.root()});
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ks.store(out, password);
      p12 = out.toByteArray();
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("Cannot write the demo keystore", e);
    }
    Long id = jdbc.queryForObject("""
        INSERT INTO onestop.signing_key (agency_id, holder, adapter, key_ref, subject, serial, certificate, chain, not_before,
          not_after, keystore, demo) VALUES (?, ?, 'PKCS12', 'signing', ?, ?, ?, ?, ?, ?, ?, true) RETURNING id""", Long.class,
        agencyId, holder, issued.certificate().getSubjectX500Principal().getName(), issued.certificate().getSerialNumber().toString(16),
        DemoCertificateAuthority.encoded(issued.certificate()), DemoCertificateAuthority.encoded(demoCa.root()),
        Timestamp.from(notBefore), Timestamp.from(notAfter), p12);
    return get(id);
  }

  /**
   * Registers the certificate of a key kept elsewhere: on a PKCS#11 token (keyRef = alias) or at a
   * remote-signing service (keyRef = credential id). The chain is the issuing CA's certificates.
   */
  public SigningKey register(String agencyId, String holder, String adapter, String keyRef, X509Certificate certificate,
      List<X509Certificate> chain) {
    ByteArrayOutputStream der = new ByteArrayOutputStream();
    for (X509Certificate c : chain) {
      der.writeBytes(DemoCertificateAuthority.encoded(c));
    }
    Long id = jdbc.queryForObject("""
        INSERT INTO onestop.signing_key (agency_id, holder, adapter, key_ref, subject, serial, certificate, chain, not_before,
          not_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, agencyId, holder, adapter, keyRef,
        certificate.getSubjectX500Principal().getName(), certificate.getSerialNumber().toString(16),
        DemoCertificateAuthority.encoded(certificate), chain.isEmpty() ? null : der.toByteArray(),
        Timestamp.from(certificate.getNotBefore().toInstant()), Timestamp.from(certificate.getNotAfter().toInstant()));
    return get(id);
  }

  /** Records a revocation (the demo CA's list then names the certificate; a real CA's list is its own). */
  public void revoke(long keyId, String reason) {
    jdbc.update("UPDATE onestop.signing_key SET revoked_at = now(), revocation_reason = ? WHERE id = ? AND revoked_at IS NULL",
        reason, keyId);
  }

  /** Refuses, in Vietnamese, a key that may not sign now. */
  public void requireUsable(SigningKey key, Instant at) {
    String whose = key.seal() ? "Chứng thư số (con dấu) của " + agencyName(key.agencyId())
        : "Chứng thư số của " + displayName(key.holder());
    String serial = " (số hiệu " + key.serialHex() + ")";
    if (key.revokedAt() != null) {
      throw new SigningRefusedException(whose + serial + " đã bị thu hồi ngày " + Texts.dateTime(key.revokedAt())
          + ": không thể ký số, giấy tờ chưa được ban hành. Đề nghị đăng ký chứng thư số mới.");
    }
    if (at.isAfter(key.notAfter())) {
      throw new SigningRefusedException(whose + serial + " đã hết hạn ngày " + Texts.dateTime(key.notAfter())
          + ": không thể ký số, giấy tờ chưa được ban hành. Đề nghị gia hạn hoặc đăng ký chứng thư số mới.");
    }
    if (at.isBefore(key.notBefore())) {
      throw new SigningRefusedException(whose + serial + " chưa có hiệu lực (từ " + Texts.dateTime(key.notBefore())
          + "): không thể ký số, giấy tờ chưa được ban hành.");
    }
  }

  /** The person's full name as the identity service knows it, else the user id. */
  public String displayName(String userId) {
    IdentityService ids = identity.getIfAvailable();
    if (ids == null) {
      return userId;
    }
    User user = WithoutAuthorization.call(() -> ids.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    // Vietnamese order: family and middle names (last name) first, then the given name.
    String name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
        + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
    return name.isEmpty() ? userId : name;
  }

  public String agencyName(String agencyId) {
    return organisation.find(agencyId).map(Agency::name).orElse(agencyId);
  }

  private SigningKey map(ResultSet rs, int row) throws SQLException {
    List<X509Certificate> chain = new ArrayList<>();
    byte[] chainDer = rs.getBytes("chain");
    if (chainDer != null) {
      try {
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(chainDer))) {
          chain.add((X509Certificate) c);
        }
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Signing key " + rs.getLong("id") + " has an unreadable chain", e);
      }
    }
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new SigningKey(rs.getLong("id"), rs.getString("agency_id"), rs.getString("holder"), rs.getString("adapter"),
        rs.getString("key_ref"), DemoCertificateAuthority.certificate(rs.getBytes("certificate")), chain,
        rs.getTimestamp("not_before").toInstant(), rs.getTimestamp("not_after").toInstant(),
        revoked == null ? null : revoked.toInstant(), rs.getBoolean("demo"), rs.getBytes("keystore"));
  }
}
