package vn.onestop.process;

import java.util.function.BiFunction;
import org.camunda.bpm.engine.delegate.VariableScope;
import vn.onestop.web.TextRules;

/**
 * Reading what a clerk typed into a Camunda Form (or a portal sent): blank counts as not given, and a
 * missing required value fails the step with a message naming the field, so nothing is half-written.
 */
public final class FormValues {

  private FormValues() {}

  /**
   * The trimmed text of a variable, or {@code fallback} when it is missing or blank — blank by Unicode
   * too: a name of non-breaking or ideographic spaces is no name ({@link TextRules#blank}).
   */
  public static String text(VariableScope scope, String name, String fallback) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return fallback;
    }
    String text = TextRules.strip(value.toString());
    return TextRules.blank(text) ? fallback : text;
  }

  /**
   * The text of a required variable.
   *
   * @param error makes the exception from the field name and the message (e.g. {@code DossierInputException::new})
   */
  public static <E extends RuntimeException> String required(VariableScope scope, String name, String label,
      BiFunction<String, String, E> error) {
    String value = text(scope, name, null);
    if (value == null) {
      throw error.apply(name, label + " (" + name + ") chưa được nhập");
    }
    return value;
  }
}
