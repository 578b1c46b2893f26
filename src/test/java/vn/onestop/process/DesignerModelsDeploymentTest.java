package vn.onestop.process;

import static org.assertj.core.api.Assertions.assertThat;

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
}
