package vn.onestop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.onestop.OneStopSpringTest;
import vn.onestop.document.Digitisation;
import vn.onestop.identity.DossierFixtures.Desk;
import vn.onestop.identity.DossierFixtures.Dossier;
import vn.onestop.identity.DossierFixtures.Step;

/**
 * An interlinked (liên thông) dossier opens up to each agency a leg reaches: a land transfer received
 * at the district one-stop department, handled first by the land registration branch. The branch's
 * heads read the leg and the dossier; a commune's clerk reads neither.
 */
@OneStopSpringTest
class InterlinkedAccessTest {

  static final String LAND_TRANSFER = "DNO.DD.01";

  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired Digitisation digitisation;

  @Test
  void eachLegsAgencyReadsTheDossierAndItsLeg() {
    DossierFixtures fixtures = new DossierFixtures(identityService, runtimeService, taskService, digitisation);
    Dossier dossier = fixtures.dossier(Desk.D, LAND_TRANSFER, Step.TRANSFERRED, "Liên Thông Đất");
    List<ProcessInstance> legs = runtimeService.createProcessInstanceQuery().superProcessInstanceId(dossier.instanceId()).list();
    assertThat(legs).isNotEmpty();
    for (ProcessInstance leg : legs) {
      String agency = (String) runtimeService.getVariable(leg.getId(), "handlingAgencyId");
      assertThat(agency).isNotEqualTo("dakrlap-mot-cua");
      List<String> heads = List.of(agency + "-heads");
      assertThat(reads("leg-head", heads, leg.getId())).as("%s reads its leg", agency).isTrue();
      assertThat(reads("leg-head", heads, dossier.instanceId())).as("%s reads the dossier", agency).isTrue();
    }
    assertThat(reads("clerk", List.of("nhan-co-clerks"), dossier.instanceId())).isFalse();
    assertThat(reads("clerk", List.of("nhan-co-clerks"), legs.get(0).getId())).isFalse();
    assertThat(reads("district-clerk", List.of("dakrlap-mot-cua-clerks"), dossier.instanceId())).isTrue();
  }

  boolean reads(String user, List<String> groups, String instanceId) {
    identityService.setAuthentication(user, groups);
    try {
      return runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count() == 1
          && historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).count() == 1;
    } finally {
      identityService.clearAuthentication();
    }
  }
}
