package vn.onestop.dossier;

import static vn.onestop.dossier.DossierVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The history of a dossier's variables at the level a supervisor needs (lịch sử xử lý hồ sơ; issue 18.2, 18.3).
 *
 * <p>History stays {@code full}: every step's instance, who completed it, and every value a person typed or chose
 * in a form (the decision, the result text, the rating), with each change, stay in {@code ACT_HI_VARINST} and
 * {@code ACT_HI_DETAIL}. What is left out is the history of the variables that the register computes and keeps
 * itself ({@link #KEPT_IN_REGISTER}: ids, names, the deadlines of each step, the lateness flags, the legs'
 * bookkeeping, and the engine's multi-instance counters): their values and their changes are in
 * {@code onestop.dossier} and its events (the appointment, a new date after an apology, lateness), so a second and
 * third copy in the engine's history was only cost — at first their change log ({@code ACT_HI_DETAIL}, about 40 rows
 * per single-window dossier), now also their last value ({@code ACT_HI_VARINST}: an insert for each, and a read and
 * an update for each change, inside every step and every deadline timer's transaction). The running instance keeps
 * them as variables (the model's contract, Cockpit shows them); a finished dossier's are in the register. Rows
 * written before this rule keep the value they had then. Only the two dossier models are concerned; any other
 * model keeps the engine's full history.
 */
@Component
public class VariableHistory extends AbstractProcessEnginePlugin {

  /** The models whose register-kept variables lose their change log. */
  static final Set<String> MODELS = Set.of("dossier", "agency-handling");

  /** Variables set by the register (never typed by a person), whose every change the register records. */
  static final Set<String> KEPT_IN_REGISTER = Set.of(DOSSIER_ID, DOSSIER_CODE, PROCEDURE_NAME, PROCEDURE_VERSION,
      REQUIRED_DOCUMENTS, RULE_SET, HANDLING_AGENCY_ID, RESPONSIBLE_AGENCY_ID, ON_THE_SPOT,
      CHECK_DUE_AT, TRANSFER_DUE_AT, DUE_AT, LATE_AT, APOLOGY_AT, SUPPLEMENT_WAIT_UNTIL, EXPLANATION_DUE_AT,
      UNCOLLECTED_REMINDER_AT, LATE, APOLOGY_ISSUED, EXPLANATION_OWED, HANDLING_OUTCOME, LEG_NO, SPECIALIST_CHOICES,
      ASSIGN_DUE_AT, APPRAISE_DUE_AT, APPROVE_DUE_AT, LEG_DUE_AT, PENDING_LEGS, LEG_COUNT, LEG_ARRANGEMENT,
      CONSULTATION_AGENCIES, CONSULTATION_COUNT, CONSULTATION_DUE_AT,
      // the engine's own counters of a multi-instance activity (the legs, the consultations)
      "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // The engine builds CompositeDbHistoryEventHandler(custom handlers) by default; the same composition with this
    // database handler in place of the default one keeps any other custom handler.
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new Handler());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  /** Whether the engine's history keeps this variable ({@code ACT_HI_VARINST}, {@code ACT_HI_DETAIL}). */
  static boolean historyKept(String processDefinitionKey, String variableName) {
    return !(MODELS.contains(processDefinitionKey) && KEPT_IN_REGISTER.contains(variableName));
  }

  /**
   * The engine's database handler, without any row for the register-kept variables: their create, update, migrate
   * and delete events are all left out, so no update ever looks for a row that was not written.
   */
  static final class Handler extends DbHistoryEventHandler {
    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable
          && !historyKept(variable.getProcessDefinitionKey(), variable.getVariableName())) {
        return;
      }
      super.handleEvent(event);
    }
  }
}
