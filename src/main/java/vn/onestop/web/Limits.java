package vn.onestop.web;

/**
 * The documented maximum length, in characters, of every text field of the OneStop and citizen APIs
 * (docs/errors.md, "Limits"). Each fits every column the text lands in: the register's columns and,
 * for texts that also become process variables, Camunda's {@code varchar(4000)} ({@link TextRules#ENGINE_TEXT}).
 * Longer texts (feedback content) go to the register only; the process gets a preview.
 */
public final class Limits {

  private Limits() {}

  public static final int PORTAL_DOSSIER_ID = 100;
  public static final int PROCEDURE_CODE = 20;
  public static final int AGENCY_ID = 60;
  public static final int PERSON_NAME = 200;
  public static final int ID_NUMBER = 20;
  public static final int PHONE = 20;
  public static final int EMAIL = 200;
  public static final int ADDRESS = 500;
  public static final int TRANSACTION_REF = 100;
  public static final int COMPONENT_ID = 60;
  public static final int CONTENT_TYPE = 100;
  public static final int FILE_NAME = TextRules.FILE_NAME;
  public static final int FEEDBACK_SUBJECT = 300;
  public static final int FEEDBACK_CONTENT = 10_000;
  public static final int DOSSIER_CODE = 40;
  public static final int RATING_COMMENT = 2_000;
  public static final int LOOKUP_SECRET = 100;
  public static final int WITHDRAWAL_REASON = 2_000;
}
