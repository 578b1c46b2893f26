package vn.onestop.review;

/**
 * Something a reviewer, head or planner entered cannot be used; the message is Vietnamese and names
 * the field. Thrown inside a task listener it keeps the task open (nothing is half-written); from the
 * API it becomes a 400 JSON error.
 */
public class ReviewInputException extends RuntimeException {

  private final String field;

  public ReviewInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
