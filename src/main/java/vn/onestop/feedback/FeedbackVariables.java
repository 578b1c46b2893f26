package vn.onestop.feedback;

/**
 * The process variables of {@code feedback.bpmn} and of its forms ({@code bpmn/forms/feedback-*.form}):
 * names and the values of decisions, in one place (Decree 20/2008 on feedback and petitions about
 * administrative regulations; Decree 61/2018 Art. 28 on the one-stop department's conduct).
 * {@code ModelVariablesTest} checks that every field a form writes is named here.
 */
public final class FeedbackVariables {

  private FeedbackVariables() {}

  // The feedback as received (start form or POST /api/feedback)
  /** {@link Kind}. */
  public static final String KIND = "kind";
  /** The agency the feedback is addressed to; after a forward, the competent one. */
  public static final String AGENCY_ID = "agencyId";
  public static final String AGENCY_NAME = "agencyName";
  public static final String SENDER_NAME = "senderName";
  public static final String SENDER_ADDRESS = "senderAddress";
  public static final String SENDER_PHONE = "senderPhone";
  public static final String SENDER_EMAIL = "senderEmail";
  public static final String SUBJECT = "subject";
  public static final String CONTENT = "content";
  /** The dossier the feedback is about, if any. */
  public static final String DOSSIER_CODE = "dossierCode";
  /** DESK, ONLINE, POST, PHONE… as received. */
  public static final String CHANNEL = "channel";

  // Set by the register
  public static final String FEEDBACK_ID = "feedbackId";
  public static final String FEEDBACK_CODE = "feedbackCode";
  public static final String CLASSIFY_DUE_AT = "classifyDueAt";
  public static final String FORWARD_DUE_AT = "forwardDueAt";
  public static final String FORWARDED_LATE = "forwardedLate";
  public static final String ANSWER_DUE_AT = "answerDueAt";
  public static final String PUBLISH_DUE_AT = "publishDueAt";

  // Decisions taken in forms
  /** {@link Classification}. */
  public static final String CLASSIFICATION = "classification";
  public static final String REJECT_REASON = "rejectReason";
  public static final String FORWARD_TO = "forwardTo";
  public static final String ANSWER = "answer";
  public static final String ANSWER_APPROVED = "answerApproved";
  public static final String APPROVAL_REMARKS = "approvalRemarks";
  public static final String HEAD_INSTRUCTION = "headInstruction";
  /** Whether the answer is published (công khai); false with a {@link #WITHHELD_REASON}. */
  public static final String PUBLISH = "publish";
  public static final String WITHHELD_REASON = "withheldReason";

  /** About a regulation (quy định hành chính) or about an official's behaviour (hành vi). */
  public enum Kind { REGULATION, BEHAVIOUR }

  /** The classification of a received feedback. */
  public enum Classification { ACCEPT, REJECT, FORWARD }
}
