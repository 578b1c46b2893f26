package vn.onestop.citizen;

import java.util.List;

/**
 * What a portal hands over (POST /api/online-dossiers). Documents come either inline here (base64)
 * or as multipart file parts named by their component id.
 *
 * @param procedureCode     mã TTHC, e.g. {@code DNO.HT.01}
 * @param receivingAgencyId the one-stop department that receives it; required when several may
 * @param portalDossierId   the portal's own id of the dossier: a repeat returns the existing dossier
 * @param onlineLevel       FULL_PROCESS (toàn trình) or PARTIAL (một phần)
 * @param applicant         who submits
 * @param fee               payment status at submission
 * @param documents         the components, base64 (JSON variant)
 */
public record OnlineSubmission(String procedureCode, String receivingAgencyId, String portalDossierId, String onlineLevel,
    Applicant applicant, Fee fee, List<Document> documents) {

  public record Applicant(String name, String idNumber, String phone, String email, String address) {}

  public record Fee(Boolean paid, String transactionRef) {}

  public record Document(String componentId, String fileName, String contentType, String contentBase64) {}

  /** A file of the submission, decoded. */
  public record Upload(String componentId, String fileName, String contentType, byte[] bytes, String field) {}
}
