package vn.onestop.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.onestop.process.BpmnBean;

/**
 * The dossier register (sổ theo dõi hồ sơ) as the models see it: the bean {@code dossierRegister}
 * that every step of {@code dossier.bpmn} and {@code agency-handling.bpmn} calls. It only names the
 * steps; each stage of the dossier has its own class, which writes the register row, the
 * process-control record (form 05) and the facts each slip needs, in the engine's transaction, and
 * hands the deadlines back to the model as process variables (Decree 61/2018 Art. 15-20):
 * {@link Reception}, {@link LegSteps} (with {@link HandlingLegs}, bean {@code legs}),
 * {@link Supplements}, {@link Lateness}, {@link Outcomes}.
 */
@Component("dossierRegister")
@BpmnBean
public class DossierRegister {

  private final Reception reception;
  private final LegSteps legSteps;
  private final Supplements supplements;
  private final Lateness lateness;
  private final Outcomes outcomes;

  DossierRegister(Reception reception, LegSteps legSteps, Supplements supplements, Lateness lateness, Outcomes outcomes) {
    this.reception = reception;
    this.legSteps = legSteps;
    this.supplements = supplements;
    this.lateness = lateness;
    this.outcomes = outcomes;
  }

  // ---------------------------------------------------------------- reception (Art. 15-18)

  public void register(DelegateExecution execution) {
    reception.register(execution);
  }

  public void checkDecision(DelegateTask task) {
    reception.checkDecision(task);
  }

  public void refuseAtReception(DelegateExecution execution) {
    reception.refuseAtReception(execution);
  }

  public void accept(DelegateExecution execution) {
    reception.accept(execution);
  }

  public void digitised(DelegateTask task) {
    reception.digitised(task);
  }

  public void transferredElectronically(DelegateExecution execution) {
    reception.transferredElectronically(execution);
  }

  public void transferredByClerk(DelegateTask task) {
    reception.transferredByClerk(task);
  }

  public void transferLate(DelegateExecution execution) {
    reception.transferLate(execution);
  }

  // ---------------------------------------------------------------- one agency's leg (Art. 19.2-19.4)

  public void legStarted(DelegateExecution execution) {
    legSteps.legStarted(execution);
  }

  public void assigned(DelegateTask task) {
    legSteps.assigned(task);
  }

  public void appraised(DelegateTask task) {
    legSteps.appraised(task);
  }

  public void approved(DelegateTask task) {
    legSteps.approved(task);
  }

  public void legFinished(DelegateExecution execution) {
    legSteps.legFinished(execution);
  }

  // ---------------------------------------------------------------- supplement and pause (Art. 15.2b, 19.4)

  public void requestSupplementAtReception(DelegateExecution execution) {
    supplements.requestAtReception(execution);
  }

  public void requestSupplementInHandling(DelegateExecution execution) {
    supplements.requestInHandling(execution);
  }

  public void supplementReceived(DelegateTask task) {
    supplements.received(task);
  }

  public void notAccepted(DelegateExecution execution) {
    supplements.notAccepted(execution);
  }

  public void stopped(DelegateExecution execution) {
    supplements.stopped(execution);
  }

  public void restartClock(DelegateExecution execution) {
    supplements.restartClock(execution);
  }

  // ---------------------------------------------------------------- lateness (Art. 19.9)

  public void apologyDue(DelegateExecution execution) {
    lateness.apologyDue(execution);
  }

  public void apologise(DelegateTask task) {
    lateness.apologise(task);
  }

  public void markLate(DelegateExecution execution) {
    lateness.markLate(execution);
  }

  public void explain(DelegateTask task) {
    lateness.explain(task);
  }

  // ---------------------------------------------------------------- outcome and return (Art. 19.8, 20)

  public void resolvedOnTheSpot(DelegateTask task) {
    outcomes.resolvedOnTheSpot(task);
  }

  public void refusedAfterAppraisal(DelegateExecution execution) {
    outcomes.refusedAfterAppraisal(execution);
  }

  public void resultReady(DelegateExecution execution) {
    outcomes.resultReady(execution);
  }

  public void returned(DelegateTask task) {
    outcomes.returned(task);
  }

  public void remindUncollected(DelegateExecution execution) {
    outcomes.remindUncollected(execution);
  }

  public void withdrawn(DelegateExecution execution) {
    outcomes.withdrawn(execution);
  }
}
