package vn.onestop.dossier;

import vn.onestop.process.RuleViolationException;

/**
 * A clerk's or a portal's input that the dossier flow cannot accept, in words they can act on. The
 * engine rolls the step back, so nothing is half-written; Tasklist shows the message, the engine REST
 * API answers with its {@link #kind()} (400, 404 or 409) as problem details.
 */
public class DossierInputException extends RuleViolationException {

  public DossierInputException(String field, String message) {
    this(Kind.INPUT, field, message);
  }

  public DossierInputException(Kind kind, String field, String message) {
    super(kind, field, message);
  }
}
