package vn.onestop.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import vn.onestop.OneStopSpringTest;

/**
 * Issue 24, finding 1: a designer cannot run code through a deployed model. The attacks of the issue and their
 * variants are refused with HTTP 400 and a Vietnamese message naming the element and the expression, while
 * every model in {@code bpmn/} passes and a plain model still deploys.
 */
@OneStopSpringTest
class DeploymentGuardTest {

  static final String DEMO_PASSWORD = "Demo@2026!";

  @LocalServerPort int port;
  @Autowired DeploymentGuard guard;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationContext context;

  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void noEscalation() {
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").userId("designer").count()).isZero();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("attack").count()).isZero();
  }

  @Test
  void everyModelInTheBpmnFolderPasses() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("bpmn"))) {
      // what start-up deploys (camunda.bpm.deployment-resource-pattern): models and forms, not the
      // designers' linter set-up (package.json, node_modules) or Modeler's element templates
      files = walk.filter(Files::isRegularFile)
          .filter(f -> !f.toString().contains("node_modules") && !f.toString().contains(".camunda"))
          .filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn") || f.toString().endsWith(".form"))
          .toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(4);
    for (Path file : files) {
      assertThat(guard.problems(file.getFileName().toString(), Files.readAllBytes(file))).as(file.toString()).isEmpty();
    }
    // and they were deployed through the guard at start-up
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("dossier").count()).isPositive();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("agency-handling").count()).isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // the two attacks of the issue
      "${execution.getProcessEngineServices().getIdentityService().createMembership('designer','camunda-admin')}",
      "${execution.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')}",
      // variants
      "${execution.processEngineServices.identityService}",
      "${execution.processEngine}",
      "${execution['processEngineServices']}",
      "${execution[\"class\"].forName('java.lang.Runtime')}",
      "${dossierRegister.getClass().forName('java.lang.Runtime')}",
      "${dossierRegister.class}",
      "${dossierRegister['class']}",
      "${''.getClass().forName('java.lang.Runtime')}",
      "${applicantName.getClass()}",
      "${task.execution.processEngineServices}",
      "${dossierRegister.register(execution).getClass()}",
      "${dataSource.getConnection()}",
      "${dossierRegister.hashCode()}",
      "${fn:forName('java.lang.Runtime')}",
      "text ${1 + execution.getProcessEngine().getName()} text"})
  void codeInAnExpressionIsRefusedWith400(String expression) throws Exception {
    HttpResponse<String> response = deployAs("designer", "attack.bpmn", serviceTaskModel(escape(expression)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("bị từ chối").contains("Task_Evil").contains("serviceTask")
        .contains("camunda:expression");
  }

  @Test
  void theIssuesTimerAttackIsRefusedWhereverTheExpressionStands() throws Exception {
    String evil = "${execution.getProcessEngineServices().getIdentityService().createMembership('designer','camunda-admin')}";
    String model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="t">
          <bpmn:process id="attack" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start_Timer"><bpmn:timerEventDefinition id="T">
              <bpmn:timeDate xsi:type="bpmn:tFormalExpression">2020-01-01T00:00:00</bpmn:timeDate>
            </bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start_Timer" targetRef="Task_Wait" />
            <bpmn:userTask id="Task_Wait" camunda:candidateGroups="designers">
              <bpmn:extensionElements>
                <camunda:inputOutput><camunda:inputParameter name="x">%s</camunda:inputParameter></camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:userTask>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(escape(evil));
    HttpResponse<String> response = deployAs("designer", "attack.bpmn", model);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Task_Wait").contains("inputParameter").contains("getProcessEngineServices");
  }

  @Test
  void anExpressionSplitByACommentOrCdataIsStillSeen() {
    String model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="D" targetNamespace="t">
          <bpmn:process id="attack" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Split" />
            <bpmn:userTask id="Task_Split"><bpmn:extensionElements><camunda:inputOutput>
              <camunda:inputParameter name="a">$<!-- x -->{execution.getClass()}</camunda:inputParameter>
              <camunda:inputParameter name="b">$<![CDATA[{execution.processEngine}]]></camunda:inputParameter>
            </camunda:inputOutput></bpmn:extensionElements></bpmn:userTask>
          </bpmn:process>
        </bpmn:definitions>
        """;
    assertThat(guard.problems("attack.bpmn", model.getBytes(StandardCharsets.UTF_8))).hasSize(2)
        .allSatisfy(problem -> assertThat(problem).contains("Task_Split"));
  }

  @Test
  void scriptsAndBrowserCodeAreRefused() throws Exception {
    String script = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
          <bpmn:process id="attack" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Script" />
            <bpmn:scriptTask id="Task_Script" scriptFormat="groovy"><bpmn:script>"id".execute()</bpmn:script></bpmn:scriptTask>
          </bpmn:process>
        </bpmn:definitions>
        """;
    HttpResponse<String> scriptTask = deployAs("designer", "attack.bpmn", script);
    assertThat(scriptTask.statusCode()).isEqualTo(400);
    assertThat(scriptTask.body()).contains("Task_Script").contains("groovy");

    HttpResponse<String> htmlForm = deployAs("designer", "form.html", "<script>fetch('/engine-rest/user')</script>");
    assertThat(htmlForm.statusCode()).isEqualTo(400);
    assertThat(htmlForm.body()).contains("form.html");

    HttpResponse<String> anyClass = deployAs("designer", "attack.bpmn", serviceTaskModel("x").replace(
        "camunda:expression=\"x\"", "camunda:class=\"org.springframework.util.SystemPropertyUtils\""));
    assertThat(anyClass.statusCode()).isEqualTo(400);
    assertThat(anyClass.body()).contains("camunda:class");
  }

  @Test
  void aModelThatReadsVariablesAndCallsPublishedBeansDeploys() throws Exception {
    String model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="t">
          <bpmn:process id="guard-allowed" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Check" />
            <bpmn:userTask id="Task_Check" camunda:candidateGroups="${receivingAgencyId}-clerks"
                camunda:dueDate="${tasklistDates.oneWorkingDayFromNow()}" />
            <bpmn:sequenceFlow id="F2" sourceRef="Task_Check" targetRef="End">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${decision == 'ACCEPT' &amp;&amp; !late}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    HttpResponse<String> response = deployAs("designer", "allowed.bpmn", model);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String id = response.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    repositoryService.deleteDeployment(id, true);
  }

  @Test
  void withDeployerGroupsOnlyTheReleaseRoleDeploysButTheApplicationAlwaysDoes() {
    DeploymentGuard releasesOnly = new DeploymentGuard(context, new DeploymentRules(List.of("releases"), null, null));
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Runnable deploy = () -> configuration.getCommandExecutorTxRequired().execute(commandContext -> {
      DeploymentEntity deployment = new DeploymentEntity();
      deployment.setName("release-check");
      deployment.setNew(true);
      releasesOnly.deploy(deployment);
      return null;
    });
    try {
      identityService.setAuthentication("designer", List.of("designers"));
      assertThatThrownBy(deploy::run).isInstanceOf(AuthorizationException.class).hasMessageContaining("releases");
      identityService.setAuthentication("release-manager", List.of("releases"));
      assertThatCode(deploy::run).doesNotThrowAnyException();
    } finally {
      identityService.clearAuthentication();
    }
    assertThatCode(deploy::run).doesNotThrowAnyException();
  }

  static String serviceTaskModel(String expressionAttribute) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="D" targetNamespace="t">
          <bpmn:process id="attack" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Evil" />
            <bpmn:serviceTask id="Task_Evil" camunda:expression="%s" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(expressionAttribute);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }

  HttpResponse<String> deployAs(String user, String fileName, String content) throws Exception {
    String boundary = "----onestop" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nattack\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
