package vn.onestop.dossier;

import static vn.onestop.dossier.DossierVariables.CONSULTEE_CHOICES;
import static vn.onestop.dossier.DossierVariables.HANDLING_AGENCY_ID;
import static vn.onestop.dossier.DossierVariables.SPECIALIST_CHOICES;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.AgencyRole;
import vn.onestop.catalog.Organisation;
import vn.onestop.process.BpmnBean;
import vn.onestop.process.EngineTime;
import vn.onestop.process.WithoutAuthorization;

/**
 * Pick-lists for the Camunda Forms (issue 15, item 2: readable choices, no typed login): when the head's
 * assignment task (phân công thụ lý, Task_AssignSpecialist) is created, the specialists (chuyên viên) of the handling
 * agency - and of its successor, as {@link LegSteps#assigned} accepts them - are put on the task as
 * {@link DossierVariables#SPECIALIST_CHOICES}, {@code login=Họ và tên;...}, which the form {@code handling-assign}
 * turns into a list of names with a FEEL values expression (form-js takes no object variables without Spin). The
 * value chosen is still the login in {@code specialist}; the task-local variable is not copied to the process.
 * Likewise the agencies a specialist may consult (lấy ý kiến, Task_Appraise) are offered by name in
 * {@link DossierVariables#CONSULTEE_CHOICES}.
 */
@Component("formChoices")
@BpmnBean
public class FormChoices {

  /** A text variable's column ({@code varchar(4000)}). */
  static final int MAX_CHOICES_CHARS = 4000;

  private final Organisation organisation;
  private final EngineTime time;

  FormChoices(Organisation organisation, EngineTime time) {
    this.organisation = organisation;
    this.time = time;
  }

  /** Task_AssignSpecialist, on create: the agency's specialists by name. */
  public void specialists(DelegateTask task) {
    String agency = (String) task.getVariable(HANDLING_AGENCY_ID);
    List<String> groups = organisation.groupsActingFor(agency, AgencyRole.SPECIALISTS, LocalDate.ofInstant(time.now(),
        EngineTime.ZONE));
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    // Reading the group's members is the system's bookkeeping, not the head's right to read user accounts.
    Map<String, String> names = WithoutAuthorization.call(() -> {
      Map<String, String> found = new LinkedHashMap<>();
      for (String group : groups) {
        for (User user : identity.createUserQuery().memberOfGroup(group).orderByUserLastName().asc().list()) {
          found.putIfAbsent(user.getId(), name(user));
        }
      }
      return found;
    });
    task.setVariableLocal(SPECIALIST_CHOICES, names.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";")));
  }

  /**
   * Task_Appraise, on create: the agencies operating today that may be asked for an opinion (Art. 19.5) - every one
   * but the asking agency, as {@link HandlingLegs#requestConsultation} accepts them - by name, within the 4,000
   * characters of a text variable.
   */
  public void consultees(DelegateTask task) {
    String asking = (String) task.getVariable(HANDLING_AGENCY_ID);
    StringBuilder choices = new StringBuilder();
    for (Agency agency : organisation.activeOn(LocalDate.ofInstant(time.now(), EngineTime.ZONE))) {
      String choice = agency.id() + "=" + agency.name().replace(';', ',').replace('=', '-');
      if (agency.id().equals(asking) || choices.length() + choice.length() + 1 > MAX_CHOICES_CHARS) {
        continue;
      }
      choices.append(choices.isEmpty() ? "" : ";").append(choice);
    }
    task.setVariableLocal(CONSULTEE_CHOICES, choices.toString());
  }

  static String name(User user) {
    String name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
        + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
    return (name.isEmpty() ? user.getId() : name).replace(';', ',').replace('=', '-');
  }
}
