package vn.onestop.signing;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlSignerRole;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.onestop.citizen.PlainStatus;
import vn.onestop.document.DocumentStore;
import vn.onestop.web.ApiException;

/**
 * Verification of a paper for anyone (a citizen, a bank, another agency): DSS validates every
 * signature of the PDF — intact, certificate chain up to a configured trust anchor, certificate valid
 * and not revoked at signing time — and the register says whether these exact bytes are a paper
 * OneStop issued, which one, and the dossier's status now. Only what the paper itself shows is
 * answered: no applicant name, identity number or address.
 */
@Component
public class PaperVerifier {

  private final TrustServices trust;
  private final JdbcTemplate jdbc;
  private final DocumentStore documents;

  public PaperVerifier(TrustServices trust, JdbcTemplate jdbc, DocumentStore documents) {
    this.trust = trust;
    this.jdbc = jdbc;
    this.documents = documents;
  }

  /** One signature as DSS validated it. */
  public record SignatureCheck(String signedBy, String role, String agency, Instant signingTime, boolean valid,
      String indication, String subIndication, String level, boolean timestamped, boolean demo) {}

  /** What the verification page shows. */
  public record Verification(boolean verified, boolean issuedByOneStop, boolean unchanged, String message, String paper,
      String dossierCode, String dossierStatus, Instant issuedAt, String verifyCode, List<SignatureCheck> signatures) {}

  /** Verifies an uploaded file. */
  public Verification verify(byte[] pdf) {
    if (pdf == null || pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
      throw ApiException.badRequest("file", "Tệp tải lên không phải là tệp PDF");
    }
    List<SignatureCheck> checks = new ArrayList<>();
    boolean allValid;
    boolean intact = true;
    try {
      SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf, "paper.pdf"));
      validator.setCertificateVerifier(trust.certificateVerifier());
      Reports reports = validator.validateDocument();
      SimpleReport simple = reports.getSimpleReport();
      DiagnosticData diagnostic = reports.getDiagnosticData();
      allValid = !simple.getSignatureIdList().isEmpty();
      for (String id : simple.getSignatureIdList()) {
        SignatureWrapper s = diagnostic.getSignatureById(id);
        boolean valid = simple.getIndication(id) == Indication.TOTAL_PASSED;
        PDFRevisionWrapper revision = s.getPDFRevision();
        boolean modified = revision != null && (revision.arePdfModificationsDetected() || !revision.isSignatureByteRangeValid());
        intact &= s.isSignatureIntact() && !modified;
        allValid &= valid;
        CertificateWrapper cert = s.getSigningCertificate();
        List<String> roles = new ArrayList<>();
        for (XmlSignerRole r : s.getSignerRoles()) {
          roles.add(r.getRole());
        }
        // the demo CA marks every certificate it issues in the organisational unit
        boolean demo = cert != null && DemoCertificateAuthority.DEMO_MARK.equals(cert.getOrganizationalUnit());
        checks.add(new SignatureCheck(simple.getSignedBy(id), String.join(", ", roles),
            cert == null ? null : cert.getOrganizationName(),
            // the time the signer claims (the signing-time attribute); a timestamp, when present, proves it
            toInstant(simple.getSigningTime(id) != null ? simple.getSigningTime(id) : simple.getBestSignatureTime(id)), valid,
            String.valueOf(simple.getIndication(id)), simple.getSubIndication(id) == null ? null : simple.getSubIndication(id).name(),
            simple.getSignatureFormat(id) == null ? null : simple.getSignatureFormat(id).name(),
            !s.getTimestampList().isEmpty(), demo));
      }
    } catch (RuntimeException e) {
      // DSS cannot even parse it (a damaged PDF): refused, in the caller's words
      throw ApiException.badRequest("file", "Không đọc được tệp PDF hoặc chữ ký số trong tệp: " + e.getMessage());
    }
    String sha = sha256(pdf);
    List<Map<String, Object>> issued = jdbc.queryForList("""
        SELECT sp.paper, sp.verify_code, sp.signed_at, d.code, d.status, d.id AS dossier_id
        FROM onestop.signed_paper sp JOIN onestop.document doc ON doc.id = sp.document_id
        LEFT JOIN onestop.dossier d ON d.id = sp.dossier_id
        WHERE doc.sha256 = ? ORDER BY sp.id DESC LIMIT 1""", sha);
    return verdict(checks, allValid, intact, issued.isEmpty() ? null : issued.get(0));
  }

  /** Verifies the paper a QR code points at: the stored copy is validated again, as issued. */
  public Verification verifyCode(String code) {
    List<Long> ids = jdbc.queryForList("SELECT document_id FROM onestop.signed_paper WHERE verify_code = ?", Long.class,
        code == null ? "" : code.trim().toUpperCase());
    if (ids.isEmpty()) {
      throw new ApiException(HttpStatus.NOT_FOUND, "ma", "Không có giấy tờ nào do OneStop phát hành với mã xác thực này");
    }
    return verify(documents.read(ids.get(0)).bytes());
  }

  private Verification verdict(List<SignatureCheck> checks, boolean allValid, boolean intact, Map<String, Object> issued) {
    boolean byOneStop = issued != null;
    boolean unchanged = byOneStop && intact;
    boolean verified = allValid && byOneStop && unchanged;
    String message;
    if (checks.isEmpty()) {
      message = "Tệp không có chữ ký số: không phải giấy tờ điện tử do OneStop phát hành.";
    } else if (!intact) {
      message = "Tệp đã bị thay đổi sau khi ký: chữ ký số không còn giá trị với nội dung hiện tại.";
    } else if (!allValid) {
      message = "Chữ ký số không hợp lệ hoặc chứng thư số không thuộc tổ chức chứng thực được tin cậy.";
    } else if (!byOneStop) {
      message = "Chữ ký số hợp lệ nhưng tệp không trùng với giấy tờ nào OneStop đã phát hành (tệp đã bị thay đổi hoặc"
          + " không do OneStop cấp).";
    } else {
      message = "Giấy tờ do OneStop phát hành, chữ ký số hợp lệ, nội dung không bị thay đổi kể từ khi ký.";
    }
    if (!byOneStop) {
      return new Verification(verified, false, false, message, null, null, null, null, null, checks);
    }
    Paper paper = Paper.valueOf((String) issued.get("paper"));
    Object signedAt = issued.get("signed_at");
    Instant at = signedAt instanceof java.sql.Timestamp t ? t.toInstant()
        : signedAt instanceof java.time.OffsetDateTime o ? o.toInstant() : null;
    return new Verification(verified, true, unchanged, message, paper.title(), (String) issued.get("code"),
        issued.get("status") == null ? null : PlainStatus.of((String) issued.get("status")), at,
        (String) issued.get("verify_code"), checks);
  }

  private static Instant toInstant(java.util.Date d) {
    return d == null ? null : d.toInstant();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
