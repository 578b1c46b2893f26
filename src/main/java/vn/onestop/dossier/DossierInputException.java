package vn.onestop.dossier;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A clerk's or a portal's input that the dossier flow cannot accept, in words they can act on. The
 * engine rolls the step back, so nothing is half-written; Tasklist shows the message.
 */
public class DossierInputException extends ProcessEngineException {

  private final String field;

  public DossierInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
