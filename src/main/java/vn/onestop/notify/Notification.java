package vn.onestop.notify;

import java.util.Map;

/**
 * One message to an applicant or to staff (thông báo).
 *
 * @param kind        what happened: RECEIPT, SUPPLEMENT_REQUEST, REFUSAL, APOLOGY, EARLY_RESULT,
 *                    RESULT_READY, TRANSFER_LATE, CONSULTATION_OVERDUE, ...
 * @param dossierCode the dossier it is about, or null
 * @param recipient   who gets it: a person's e-mail / phone, or a Camunda group / user id for staff
 * @param audience    APPLICANT or STAFF
 * @param subject     short title, Vietnamese
 * @param body        the text, Vietnamese
 * @param facts       the values the text was made from (dates, reasons), for adapters that use templates
 */
public record Notification(String kind, String dossierCode, Recipient recipient, Audience audience,
    String subject, String body, Map<String, String> facts) {

  public enum Audience { APPLICANT, STAFF }

  /** Where a notification goes; any field may be null. */
  public record Recipient(String name, String email, String phone, String staffGroup) {}
}
