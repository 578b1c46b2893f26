package vn.onestop.dossier;

import static vn.onestop.dossier.DossierVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.onestop.process.BpmnBean;
import vn.onestop.process.EngineTime;
import vn.onestop.register.DossierRow;
import vn.onestop.rules.RuleSet;
import vn.onestop.rules.RuleSets;

/**
 * The rules a dossier is handled by (bộ quy tắc của hồ sơ), as the steps and the models read them: the
 * rule set recorded in the register at reception ({@code onestop.dossier.rule_set}, process variable
 * {@link DossierVariables#RULE_SET}), never the one in force today. Bean {@code rules} for the models:
 * one method per rule a model branches on.
 */
@Component("rules")
@BpmnBean
public class DossierRuleSets {

  private final RuleSets ruleSets;
  private final DossierRows rows;

  DossierRuleSets(RuleSets ruleSets, DossierRows rows) {
    this.ruleSets = ruleSets;
    this.rows = rows;
  }

  /** The rule set of a register row. */
  RuleSet of(DossierRow d) {
    return ruleSets.recorded(d.ruleSet(), d.submittedAt().atZone(EngineTime.ZONE).toLocalDate());
  }

  /** The rule set of the dossier of an execution. */
  RuleSet of(DelegateExecution execution) {
    return of(rows.get(dossierId(execution)));
  }

  /**
   * Whether the responsible agency may still give a new appointment with its apology: fewer apologies
   * so far than the rule set allows (rule {@code apology.maxNewAppointments}; Decree 61/2018 Art. 19.9:
   * one). Gateway "Đã hẹn lại?" of {@code dossier.bpmn}.
   */
  public boolean newAppointmentAllowed(DelegateExecution execution) {
    long id = dossierId(execution);
    Integer given = rows.jdbc().queryForObject("select count(*) from onestop.apology where dossier_id = ?", Integer.class, id);
    return (given == null ? 0 : given) < of(rows.get(id)).maxNewAppointments();
  }
}
