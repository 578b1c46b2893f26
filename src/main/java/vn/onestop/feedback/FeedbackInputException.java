package vn.onestop.feedback;

import vn.onestop.process.RuleViolationException;

/** A feedback step got incomplete or wrong input; Tasklist shows the message, the APIs answer 400 (or 404). */
public class FeedbackInputException extends RuleViolationException {

  public FeedbackInputException(String field, String message) {
    this(Kind.INPUT, field, message);
  }

  public FeedbackInputException(Kind kind, String field, String message) {
    super(kind, field, message);
  }
}
