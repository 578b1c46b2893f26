package vn.onestop.feedback;

import org.camunda.bpm.engine.ProcessEngineException;
import vn.onestop.process.RuleViolation;

/** A feedback step got incomplete or wrong input; Tasklist shows the message, the APIs answer 400 (or 404). */
public class FeedbackInputException extends ProcessEngineException implements RuleViolation {

  private final String field;
  private final Kind kind;

  public FeedbackInputException(String field, String message) {
    this(Kind.INPUT, field, message);
  }

  public FeedbackInputException(Kind kind, String field, String message) {
    super(message);
    this.field = field;
    this.kind = kind;
  }

  @Override
  public String field() {
    return field;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
