package vn.onestop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The house rules for every model in {@code bpmn/}: history time to live, readable ids, documentation
 * on every element, a Camunda Form on every user task.
 */
class ModelConventionsTest {

  static final Path MODELS = Path.of("bpmn");

  @TestFactory
  Stream<DynamicTest> everyModelFollowsTheConventions() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(MODELS)) {
      files = walk.filter(p -> p.toString().endsWith(".bpmn") && !p.toString().contains("node_modules")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> check(file)));
  }

  private static void check(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable()) {
        assertThat(process.getCamundaHistoryTimeToLiveString()).as("%s: historyTimeToLive of %s", file, process.getId())
            .isNotBlank();
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertReadableId(file, node);
      assertThat(node.getDocumentations()).as("%s: documentation of %s", file, node.getId()).isNotEmpty();
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaFormRef()).as("%s: Camunda Form of %s", file, task.getId()).isNotBlank();
      assertThat(task.getCamundaFormRefBinding()).as("%s: form binding of %s", file, task.getId()).isEqualTo("deployment");
    }
  }

  private static void assertReadableId(Path file, BaseElement element) {
    assertThat(element.getId()).as("%s: id %s reads like Modeler's generated ids", file, element.getId())
        .doesNotMatch("(Activity|Event|Gateway|StartEvent|EndEvent|Task|Flow)_[0-9a-z]{7}");
  }
}
