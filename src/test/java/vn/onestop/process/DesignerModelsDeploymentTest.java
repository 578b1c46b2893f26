package vn.onestop.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;

/** A model keeps one name whether it is read from the fat jar or from target/classes. */
class DesignerModelsDeploymentTest {

  @Test
  void sameNameFromJarAndFromExplodedClasspath() throws Exception {
    Resource inJar = new UrlResource("jar:file:/opt/onestop/app.jar!/BOOT-INF/classes!/bpmn/forms/reception.form");
    Resource onDisk = new UrlResource("file:/home/dev/onestop/target/classes/bpmn/forms/reception.form");

    assertThat(((ContextResource) DesignerModelsDeployment.named(inJar)).getPathWithinContext()).isEqualTo("forms/reception.form");
    assertThat(((ContextResource) DesignerModelsDeployment.named(onDisk)).getPathWithinContext()).isEqualTo("forms/reception.form");
    assertThat(DesignerModelsDeployment.named(inJar)).isEqualTo(DesignerModelsDeployment.named(onDisk));
  }

  @Test
  void topLevelModelIsNamedByItsFileName() throws Exception {
    Resource model = new UrlResource("file:/srv/classes/bpmn/dossier.bpmn");
    assertThat(((ContextResource) DesignerModelsDeployment.named(model)).getPathWithinContext()).isEqualTo("dossier.bpmn");
  }

  @Test
  void foldersAreNotDeployed() throws Exception {
    assertThat(DesignerModelsDeployment.named(new UrlResource("file:/srv/classes/bpmn/forms/"))).isNull();
  }

  @Test
  void aChangedModelIsDeployedTogetherWithItsForms() {
    // Duplicate filtering stays on (a restart without change deploys nothing), but a change redeploys all
    // resources: user tasks bind their Camunda Form with formRefBinding="deployment".
    SpringProcessEngineConfiguration engine = new SpringProcessEngineConfiguration();
    CamundaBpmProperties properties = new CamundaBpmProperties();
    properties.setDeploymentResourcePattern(new String[] {"classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.form"});
    new DesignerModelsDeployment(properties).preInit(engine);
    assertThat(engine.getDeploymentName()).isEqualTo("onestop");
    assertThat(engine.isDeployChangedOnly()).isFalse();
    assertThat(engine.getDeploymentResources()).extracting(r -> ((ContextResource) r).getPathWithinContext())
        .contains("dossier.bpmn", "agency-handling.bpmn", "forms/handling-assign.form");
  }
}
