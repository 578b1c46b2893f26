package vn.onestop.dossier;

import vn.onestop.register.DossierRow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import vn.onestop.process.EngineTime;
import vn.onestop.process.FormValues;

/**
 * What every step of the dossier's stages reads from its execution or task: the register id, the
 * leg, who acted, what the form said. Shared by {@link Reception}, {@link Supplements},
 * {@link Lateness}, {@link Outcomes}, {@link LegSteps} and {@link HandlingLegs}.
 */
final class Steps {

  private Steps() {}

  /** The logged-in user who completed the task or started the step, else the task's assignee; null for timers. */
  static String actor(VariableScope scope) {
    if (scope instanceof DelegateTask task) {
      Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      if (auth != null && auth.getUserId() != null) {
        return auth.getUserId();
      }
      return task.getAssignee();
    }
    if (scope instanceof DelegateExecution execution) {
      Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      return auth == null ? null : auth.getUserId();
    }
    return null;
  }

  static String text(VariableScope scope, String name, String fallback) {
    return FormValues.text(scope, name, fallback);
  }

  static String required(VariableScope scope, String name, String label) {
    return FormValues.required(scope, name, label, DossierInputException::new);
  }

  /** A date field of a form: a {@code Date} or the text {@code yyyy-MM-dd[...]}. */
  static LocalDate dateField(VariableScope scope, String name, String label) {
    Object value = scope.getVariable(name);
    if (value instanceof Date date) {
      return date.toInstant().atZone(EngineTime.ZONE).toLocalDate();
    }
    String text = required(scope, name, label);
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new DossierInputException(name, label + ": '" + text + "' không phải ngày (yyyy-MM-dd)");
    }
  }

  /** How a notice names the dossier: its code (once issued) and the procedure. */
  static String label(DossierRow d) {
    return (d.code() != null ? d.code() + " - " : "") + d.procedureName();
  }

  static Date date(Instant instant) {
    return EngineTime.toDate(instant);
  }

  static Instant instant(Object value) {
    return EngineTime.toInstant(value);
  }

  static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
