package vn.onestop.feedback;

import org.camunda.bpm.engine.ProcessEngineException;

/** A feedback step got incomplete or wrong input; Tasklist shows the message, the API answers 400. */
public class FeedbackInputException extends ProcessEngineException {

  private final String field;

  public FeedbackInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
