package vn.onestop.citizen;

import java.time.Instant;

/**
 * The answer to a portal's submission (201 the first time, 200 for a repeat with the same portal id).
 *
 * @param dossierId       OneStop's id of the dossier (for the payment callback)
 * @param portalDossierId the portal's id, as sent
 * @param dossierCode     mã số hồ sơ: null until the one-stop clerk accepts the dossier (Art. 17.2)
 * @param status          register status, e.g. REGISTERED
 * @param statusText      the same in plain Vietnamese
 * @param submittedAt     when OneStop received it
 * @param lookupPath      where the citizen looks it up (with the phone or ID number as secret)
 * @param repeated        true when this portal id had been submitted before
 */
public record OnlineDossierReceipt(long dossierId, String portalDossierId, String dossierCode, String status,
    String statusText, Instant submittedAt, String lookupPath, boolean repeated) {

  OnlineDossierReceipt asFirst() {
    return new OnlineDossierReceipt(dossierId, portalDossierId, dossierCode, status, statusText, submittedAt, lookupPath, false);
  }
}
