package vn.onestop.citizen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.onestop.web.ApiException;
import vn.onestop.web.TextRules;

/**
 * What each portal submitted under its own dossier id ({@code onestop.portal_submission}, V50; its only
 * writer): a fingerprint of the request, so a repeat of the same request gets the first dossier and another
 * request under the same id is refused (issue 16).
 */
@Component
class PortalSubmissionLog {

  private final JdbcTemplate jdbc;

  PortalSubmissionLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the fingerprint of a new dossier's submission, in the caller's transaction. */
  void record(String portalId, long dossierId, String clientId, String fingerprint) {
    jdbc.update("insert into onestop.portal_submission (portal_dossier_id, dossier_id, client_id, fingerprint) values (?, ?, ?, ?)",
        portalId, dossierId, clientId, fingerprint);
  }

  /**
   * A repeat of a known portal id: the same request again gets the first dossier (200); another request
   * under the same id is a portal bug and answers 409, so it does not go unnoticed. Dossiers submitted
   * before fingerprints were kept (no row in {@code portal_submission}) count as repeats.
   */
  OnlineDossierReceipt repeat(String portalId, String fingerprint, OnlineDossierReceipt first) {
    List<String> known = jdbc.queryForList("select fingerprint from onestop.portal_submission where portal_dossier_id = ?",
        String.class, portalId);
    if (!known.isEmpty() && !known.get(0).equals(fingerprint)) {
      throw new ApiException(HttpStatus.CONFLICT, "portalDossierId", "Mã hồ sơ trên cổng '" + TextRules.excerpt(portalId, 100)
          + "' đã được dùng cho một hồ sơ có nội dung khác (hồ sơ " + first.dossierId() + "); mỗi hồ sơ cần một mã riêng");
    }
    return first;
  }

  /**
   * SHA-256 of what the portal sent, the same for the JSON and the multipart form of one submission: the
   * fields (documents left out) and, per component in order, its file name, type and the SHA-256 of its bytes.
   */
  static String fingerprint(OnlineSubmission s, List<OnlineSubmission.Upload> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      OnlineSubmission.Applicant a = s.applicant();
      OnlineSubmission.Fee f = s.fee();
      String fields = String.join("\u001f", String.valueOf(s.procedureCode()), String.valueOf(s.receivingAgencyId()),
          String.valueOf(s.onlineLevel()),
          a == null ? "-" : String.join("\u001e", String.valueOf(a.name()), String.valueOf(a.idNumber()),
              String.valueOf(a.phone()), String.valueOf(a.email()), String.valueOf(a.address())),
          f == null ? "-" : f.paid() + "\u001e" + f.transactionRef());
      sha.update(fields.getBytes(StandardCharsets.UTF_8));
      files.stream().sorted(Comparator.comparing(OnlineSubmission.Upload::componentId)).forEach(u -> {
        sha.update(("\u001d" + u.componentId() + "\u001e" + u.fileName() + "\u001e" + u.contentType() + "\u001e")
            .getBytes(StandardCharsets.UTF_8));
        try {
          sha.update(MessageDigest.getInstance("SHA-256").digest(u.bytes()));
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      });
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
