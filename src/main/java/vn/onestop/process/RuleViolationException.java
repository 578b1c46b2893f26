package vn.onestop.process;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A {@link RuleViolation} raised inside a model's step (a listener or a delegate): a
 * {@link ProcessEngineException}, so the engine rolls the step back and nothing is half-written, with
 * the field at fault and the kind that decides the API's answer. Each model has its own subclass
 * ({@code DossierInputException}, {@code FeedbackInputException}).
 */
public class RuleViolationException extends ProcessEngineException implements RuleViolation {

  private final String field;
  private final Kind kind;

  public RuleViolationException(Kind kind, String field, String message) {
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
