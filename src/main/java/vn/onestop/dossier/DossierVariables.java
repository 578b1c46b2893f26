package vn.onestop.dossier;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.VariableScope;
import vn.onestop.process.EngineTime;
import vn.onestop.process.FormValues;

/**
 * The process variables of {@code dossier.bpmn} and {@code agency-handling.bpmn} and of their forms
 * ({@code bpmn/forms/dossier-*.form}, {@code handling-*.form}): the contract between the models and
 * Java, in one place - names, the values of decisions as enums, and typed accessors over a
 * {@link VariableScope}. Dates are {@code java.util.Date} (what timers and {@code camunda:dueDate}
 * expressions take); everything else is a string, number or boolean. {@code ModelVariablesTest}
 * checks that every field a form writes is named here. Nothing here may grow with the applicant's
 * history (Camunda keeps a string in {@code varchar(4000)}): lists of the register stay in the register.
 */
public final class DossierVariables {

  private DossierVariables() {}

  // Set by the start form or the online-submission API
  /** Procedure code (mã TTHC), e.g. {@code 1.001193}. */
  public static final String PROCEDURE_CODE = "procedureCode";
  /** The agency whose one-stop department receives (defaults to the clerk's agency). */
  public static final String RECEIVING_AGENCY_ID = "receivingAgencyId";
  /**
   * The dossier's territory (địa bàn): the applicant's or the property's commune, from which the handling
   * agencies are resolved (Decree 118/2025 Art. 14); defaults to the receiving agency's own area.
   */
  public static final String TERRITORY_AGENCY_ID = "territoryAgencyId";
  /** The one-stop department where the applicant collects the result; defaults to the receiving one. */
  public static final String RETURN_AGENCY_ID = "returnAgencyId";
  /** DESK, ONLINE or POST. */
  public static final String CHANNEL = "channel";
  public static final String APPLICANT_NAME = "applicantName";
  public static final String APPLICANT_ID_NUMBER = "applicantIdNumber";
  public static final String APPLICANT_PHONE = "applicantPhone";
  public static final String APPLICANT_EMAIL = "applicantEmail";
  public static final String APPLICANT_ADDRESS = "applicantAddress";
  /** The clerk who started the reception (camunda:initiator). */
  public static final String SUBMITTED_BY = "submittedBy";
  /** Paid before submission (portal) or at the desk. */
  public static final String FEE_PAID = "feePaid";
  public static final String FEE_TRANSACTION_REF = "feeTransactionRef";
  // Set by the online-submission API only
  /** The level of the online public service the portal used. */
  public static final String ONLINE_LEVEL = "onlineLevel";
  public static final String PORTAL_DOSSIER_ID = "portalDossierId";
  public static final String PORTAL_CLIENT_ID = "portalClientId";
  // Sent with the message DossierWithdrawn
  public static final String WITHDRAWN_BY = "withdrawnBy";
  public static final String WITHDRAWAL_REASON = "withdrawalReason";

  // Set by the register
  /** Row id of the dossier in the register ({@code onestop.dossier.id}). */
  public static final String DOSSIER_ID = "dossierId";
  /** Dossier code (mã số hồ sơ), once accepted; also the business key. */
  public static final String DOSSIER_CODE = "dossierCode";
  public static final String PROCEDURE_NAME = "procedureName";
  public static final String PROCEDURE_VERSION = "procedureVersion";
  /** The required documents of the procedure, one per line, for the clerk's check. */
  public static final String REQUIRED_DOCUMENTS = "requiredDocuments";
  /**
   * The id of the rule set ({@code rules/<id>.yaml}) in force when the dossier came to the one-stop
   * department: recorded once, with the register row, and kept to the end (never recomputed).
   */
  public static final String RULE_SET = "ruleSet";
  /** Lead handling agency id. */
  public static final String HANDLING_AGENCY_ID = "handlingAgencyId";
  /** True for procedures resolved on the spot (0 days). */
  public static final String ON_THE_SPOT = "onTheSpot";
  public static final String CHECK_DUE_AT = "checkDueAt";
  public static final String TRANSFER_DUE_AT = "transferDueAt";
  /** The appointment in force (moves with an apology's new date). */
  public static final String DUE_AT = "dueAt";
  /** The appointment whose passing makes the dossier late (given at acceptance or restart). */
  public static final String LATE_AT = "lateAt";
  /** One working day before {@link #LATE_AT}: the apology is due. */
  public static final String APOLOGY_AT = "apologyAt";
  public static final String SUPPLEMENT_WAIT_UNTIL = "supplementWaitUntil";
  public static final String EXPLANATION_DUE_AT = "explanationDueAt";
  public static final String UNCOLLECTED_REMINDER_AT = "uncollectedReminderAt";
  public static final String LATE = "late";
  public static final String APOLOGY_ISSUED = "apologyIssued";
  /** The result came late before the lateness timer ran: an explanation is still owed. */
  public static final String EXPLANATION_OWED = "explanationOwed";

  // Decisions taken in forms
  /** ACCEPT, SUPPLEMENT or REFUSE (Task_CheckDossier). */
  public static final String RECEPTION_DECISION = "receptionDecision";
  /** What is missing, once and completely (form 02). */
  public static final String MISSING_DOCUMENTS = "missingDocuments";
  public static final String REFUSAL_REASON = "refusalReason";
  /** RESULT, SUPPLEMENT or REFUSED: what the handling agency decided. */
  public static final String HANDLING_OUTCOME = "handlingOutcome";
  public static final String RESULT_SUMMARY = "resultSummary";
  public static final String APOLOGY_REASON = "apologyReason";
  public static final String NEW_DUE_DATE = "newDueDate";
  public static final String EXPLANATION = "explanation";
  /** VERY_SATISFIED, SATISFIED, NOT_SATISFIED, or empty. */
  public static final String RATING = "rating";
  public static final String RATING_COMMENT = "ratingComment";
  /** DESK, POST or ONLINE: how the result was handed over (Task_ReturnResult). */
  public static final String RETURN_CHANNEL = "returnChannel";
  /** Confirmations the clerk ticks; the model does not branch on them. */
  public static final String SCANNED_ALL = "scannedAll";
  public static final String SUPPLEMENT_COMPLETE = "supplementComplete";
  public static final String HANDED_OVER = "handedOver";
  public static final String TRANSFER_NOTE = "transferNote";

  // agency-handling
  public static final String LEG_NO = "legNo";
  public static final String SPECIALIST = "specialist";
  /**
   * Task-local, set when Task_AssignSpecialist is created: the agency's specialists as
   * {@code login=Họ và tên;...}, the pick-list of the form {@code handling-assign} (read by a FEEL values expression).
   */
  public static final String SPECIALIST_CHOICES = "specialistChoices";
  public static final String PROPOSED_OUTCOME = "proposedOutcome";
  public static final String APPRAISAL_NOTES = "appraisalNotes";
  public static final String APPROVED = "approved";
  public static final String APPROVAL_REMARKS = "approvalRemarks";
  public static final String ASSIGN_DUE_AT = "assignDueAt";
  public static final String APPRAISE_DUE_AT = "appraiseDueAt";
  public static final String APPROVE_DUE_AT = "approveDueAt";
  public static final String LEG_DUE_AT = "legDueAt";

  // Legs of an interlinked dossier (liên thông) and consultation (lấy ý kiến)
  /** The legs of this handling round, e.g. {@code "1,2,3"}; those finished with a result are not repeated. */
  public static final String PENDING_LEGS = "pendingLegs";
  public static final String LEG_COUNT = "legCount";
  /** SEQUENTIAL (Art. 19.6a) or PARALLEL (Art. 19.6b). */
  public static final String LEG_ARRANGEMENT = "legArrangement";
  /** The agency that answers for a late or stopped dossier: apology and explanation go to it. */
  public static final String RESPONSIBLE_AGENCY_ID = "responsibleAgencyId";
  /** Comma-separated agency ids asked for an opinion. */
  public static final String CONSULTED_AGENCIES = "consultedAgencies";
  /**
   * The agencies picked by name in the form {@code handling-appraise} (a form-js taglist: a JSON array of agency
   * ids, type {@code Json}, see process/JsonFormAnswers); on completion it becomes {@link #CONSULTED_AGENCIES}.
   */
  public static final String CONSULTED_AGENCY_LIST = "consultedAgencyList";
  /**
   * Task-local, set when Task_Appraise is created: the agencies that may be consulted as {@code id=Tên;...},
   * the pick-list of {@link #CONSULTED_AGENCY_LIST} (read by a FEEL values expression).
   */
  public static final String CONSULTEE_CHOICES = "consulteeChoices";
  public static final String CONSULTATION_QUESTION = "consultationQuestion";
  public static final String CONSULTATION_DAYS = "consultationDays";
  public static final String CONSULTATION_AGENCIES = "consultationAgencies";
  public static final String CONSULTATION_COUNT = "consultationCount";
  public static final String CONSULTATION_DUE_AT = "consultationDueAt";
  public static final String OPINION = "opinion";

  // ---------------------------------------------------------------- values of decisions

  /** How the dossier came in ({@link #CHANNEL}). */
  public enum Channel { DESK, ONLINE, POST }

  /** The clerk's check at the desk ({@link #RECEPTION_DECISION}, Art. 15.2). */
  public enum ReceptionDecision { ACCEPT, SUPPLEMENT, REFUSE }

  /** What an agency decided ({@link #HANDLING_OUTCOME}); a leg's {@link #PROPOSED_OUTCOME} may also be CONSULT. */
  public enum Outcome { RESULT, SUPPLEMENT, REFUSED, CONSULT }

  /** The applicant's rating ({@link #RATING}, Decree 61/2018 Art. 27-32). */
  public enum Rating { VERY_SATISFIED, SATISFIED, NOT_SATISFIED }

  // ---------------------------------------------------------------- typed access

  /** The register id; the model cannot run without it. */
  public static long dossierId(VariableScope scope) {
    Object id = scope.getVariable(DOSSIER_ID);
    if (!(id instanceof Number number)) {
      throw new IllegalStateException("Process variable " + DOSSIER_ID + " is missing");
    }
    return number.longValue();
  }

  /** The leg of {@code agency-handling} (1 for a single-window dossier). */
  public static int legNo(VariableScope scope) {
    Object leg = scope.getVariable(LEG_NO);
    return leg instanceof Number n ? n.intValue() : 1;
  }

  /** A point in time kept as a {@code Date} variable, or null. */
  public static Instant timeOf(VariableScope scope, String name) {
    return EngineTime.toInstant(scope.getVariable(name));
  }

  /** Sets a point in time as a {@code Date} variable (what timers and due dates take). */
  public static void setTime(VariableScope scope, String name, Instant value) {
    scope.setVariable(name, EngineTime.toDate(value));
  }

  /**
   * A decision typed into a form, as its enum; a missing or unknown value fails the step with a
   * message naming the field and the values allowed.
   */
  public static <E extends Enum<E>> E decision(VariableScope scope, String name, String label, Class<E> type) {
    String value = FormValues.required(scope, name, label, DossierInputException::new).toUpperCase(Locale.ROOT);
    return parse(name, label, value, type);
  }

  /** The same for a decision that may be left empty: null then. */
  public static <E extends Enum<E>> E optionalDecision(VariableScope scope, String name, String label, Class<E> type) {
    String value = FormValues.text(scope, name, null);
    return value == null ? null : parse(name, label, value.toUpperCase(Locale.ROOT), type);
  }

  private static <E extends Enum<E>> E parse(String name, String label, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new DossierInputException(name, label + " '" + value + "' không hợp lệ "
          + Arrays.toString(type.getEnumConstants()));
    }
  }
}
