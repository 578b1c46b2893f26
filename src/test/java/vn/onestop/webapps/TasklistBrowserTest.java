package vn.onestop.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;
import vn.onestop.HeadlessChromium;
import vn.onestop.OneStopSpringTest;
import vn.onestop.document.Digitisation;
import vn.onestop.document.DocumentOrigin;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; {@code .ci/run}
 * installs them) in Vietnamese drives Tasklist: the clerk of Nhân Cơ logs in, sees her filters and
 * her lists sorted by due date,
 * receives a dossier through the start form (Camunda Form {@code dossier-reception}) and accepts it
 * at the check; digitisation, transfer and assignment go through the Java API; the specialist then
 * finds the appraisal in "Việc của tôi", and the clerk of Kiến Thành finds nothing of it.
 *
 * <p>Screenshots go to {@code target/screenshots/tasklist/} (emptied at the start): the clerk's filters,
 * the specialist's list and the other commune's clerk's list always, and one per step when a step fails.
 */
@OneStopSpringTest
class TasklistBrowserTest {

  static final Path SCREENSHOTS = Path.of("target", "screenshots", "tasklist");
  static final String PASSWORD = "Demo@2026!";
  static final byte[] SCAN = "%PDF-1.4\n% scan\n".getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired Digitisation digitisation;

  HeadlessChromium chromium;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeAll
  static void freshScreenshots() throws IOException {
    HeadlessChromium.assumeInstalled();
    FileSystemUtils.deleteRecursively(SCREENSHOTS);
  }

  @BeforeEach
  void openChromium() throws IOException {
    chromium = HeadlessChromium.open(1400, 1000, SCREENSHOTS);
    browser = chromium.driver();
    wait = chromium.waiting();
  }

  @AfterEach
  void closeChromium() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void clerkReceivesInTheBrowserSpecialistSeesTheAppraisalAnotherCommuneSeesNothing() throws Exception {
    String applicant = "Hoàng Thị Duyệt " + ThreadLocalRandom.current().nextInt(1000, 10000);

    step("01-clerk-login", () -> {
      login("clerk");
      waitForText(".task-filters", "Hồ sơ chờ tiếp nhận");
      assertThat(text("body")).contains("Khởi tạo quy trình", "Việc của tôi", "Việc của nhóm",
          "Đến hạn trong 1 ngày làm việc", "Quá hạn");
      click(By.xpath("//*[contains(@class,'task-filters')]//a[contains(normalize-space(),'Việc của nhóm')]"));
      waitForText("[cam-sorting-choices]", "Hạn xử lý");
      assertThat(decodedUrl()).as("lists open sorted by due date, nearest first (scripts/onestop-due-first.js)")
          .contains("sorting=[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]");
      screenshot("clerk-filters");
      // An order the clerk picks herself stays, also in another filter.
      click(By.cssSelector("[cam-sorting-choices] a.sort-direction"));
      wait.until(d -> decodedUrl().contains("\"sortOrder\":\"desc\""));
      String groupList = decodedUrl();
      click(By.xpath("//*[contains(@class,'task-filters')]//a[contains(normalize-space(),'Hồ sơ chờ tiếp nhận')]"));
      wait.until(d -> !decodedUrl().equals(groupList));
      assertThat(decodedUrl()).contains("sorting=[{\"sortBy\":\"dueDate\",\"sortOrder\":\"desc\"}]");
    });

    step("02-start-form", () -> {
      click(By.cssSelector(".start-process-action a"));
      click(By.xpath("//ul[contains(@class,'processes')]//a[contains(normalize-space(),'Hồ sơ thủ tục hành chính (một cửa)')]"));
      type("Thủ tục hành chính", "DNO.HT.01");
      click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(),'(DNO.HT.01)')]"));
      chromium.choose("Trực tiếp");
      type("Họ và tên người nộp", applicant);
      type("Số điện thoại", "0987654321");
      screenshot("start-form-filled");
      click(By.xpath("//button[normalize-space()='Bắt đầu']"));
      waitForText("body", "Quy trình đã được khởi tạo");
    });

    ProcessInstance dossier = runtimeService.createProcessInstanceQuery().processDefinitionKey("dossier")
        .variableValueEquals("applicantName", applicant).singleResult();
    assertThat(dossier).as("the dossier started in the browser").isNotNull();
    assertThat(runtimeService.getVariable(dossier.getId(), "receivingAgencyId")).as("derived from the clerk's group")
        .isEqualTo("nhan-co");

    step("03-check", () -> {
      // The list is sorted by due date and other tests' overdue dossiers come first: open the new one
      // by its address, as a link to the task would.
      String check = taskService.createTaskQuery().processInstanceId(dossier.getId())
          .taskDefinitionKey("Task_CheckDossier").singleResult().getId();
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + check);
      click(By.cssSelector("button.claim"));
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
      chromium.choose("Đầy đủ, tiếp nhận");
      click(By.xpath("//button[normalize-space()='Hoàn thành']"));
      wait.until(d -> taskService.createTaskQuery().processInstanceId(dossier.getId())
          .taskDefinitionKey("Task_CheckDossier").count() == 0);
    });

    String code = (String) runtimeService.getVariable(dossier.getId(), "dossierCode");
    assertThat(code).as("accepted in the browser: the dossier has its code").isNotBlank();
    digitiseTransferAndAssign(dossier.getId());

    step("04-specialist", () -> {
      login("specialist");
      click(By.xpath("//*[contains(@class,'task-filters')]//a[contains(normalize-space(),'Việc của tôi')]"));
      wait.until(d -> decodedUrl().contains("filter="));
      // Other tests leave this specialist older tasks due earlier: she sorts by creation date, newest first.
      browser.get(browser.getCurrentUrl().replaceFirst("sorting=[^&]*",
          "sorting=" + URLEncoder.encode("[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]", StandardCharsets.UTF_8)));
      browser.navigate().refresh();
      waitForText("[cam-sorting-choices]", "Ngày tạo");
      waitForText(".tasks-list", code);
      assertThat(text(".tasks-list")).contains("Thẩm định hồ sơ", applicant, "Mã hồ sơ");
      screenshot("specialist-tasks");
    });

    step("05-other-commune", () -> {
      login("clerk2");
      waitForText(".task-filters", "Hồ sơ chờ tiếp nhận");
      for (String filter : List.of("Hồ sơ chờ tiếp nhận", "Việc của tôi", "Việc của nhóm", "Quá hạn")) {
        click(By.xpath("//*[contains(@class,'task-filters')]//a[contains(normalize-space(),'" + filter + "')]"));
        waitForFilterShown(filter);
        assertThat(text("body")).as("clerk2's filter %s", filter).doesNotContain(applicant).doesNotContain(code);
      }
      screenshot("other-commune-clerk");
    });
  }

  /** What the clerk does with the scanner and the head with the assignment, done as the system. */
  void digitiseTransferAndAssign(String instanceId) {
    long dossierId = ((Number) runtimeService.getVariable(instanceId, "dossierId")).longValue();
    for (String component : digitisation.missingComponents(dossierId)) {
      digitisation.upload(dossierId, component, component + ".pdf", "application/pdf", SCAN, DocumentOrigin.ORIGINAL_SCAN,
          null, "clerk");
    }
    taskService.complete(taskOf(instanceId), Map.of("scannedAll", true));
    taskService.complete(taskOf(instanceId), Map.of("handedOver", true));
    String leg = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instanceId).singleResult().getId();
    taskService.complete(taskOf(leg), Map.of("specialist", "specialist"));
  }

  String taskOf(String instanceId) {
    return taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
  }

  // ------------------------------------------------------------------ browser plumbing

  interface Step {
    void run() throws Exception;
  }

  void step(String name, Step step) throws Exception {
    try {
      step.run();
    } catch (Exception | AssertionError e) {
      screenshot(name + "-failed");
      throw e;
    }
  }

  void login(String user) {
    chromium.logInToTasklist(port, user, PASSWORD);
  }

  void click(By by) {
    chromium.click(by);
  }

  /** Types into the Camunda Form field whose label starts with {@code label}. */
  void type(String label, String value) {
    chromium.typeIntoField(label, value);
  }

  /**
   * Waits until Tasklist shows the chosen filter's list: the filter is the focused one, and the list
   * holds its result (tasks, or the "no matching task" line) and reads the same on two polls in a row.
   */
  void waitForFilterShown(String filter) {
    By focused = By.xpath("//*[contains(@class,'task-filters')]//*[contains(@class,'active')][contains(normalize-space(),'"
        + filter + "')]");
    wait.until(ExpectedConditions.presenceOfElementLocated(focused));
    String[] previous = {null};
    wait.until(d -> {
      String list = text(".tasks-list");
      boolean loaded = list.contains("Không có công việc nào khớp bộ lọc.")
          || !d.findElements(By.cssSelector(".tasks-list .task")).isEmpty();
      boolean stable = list.equals(previous[0]);
      previous[0] = list;
      return loaded && stable;
    });
  }

  void waitForText(String css, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  String decodedUrl() {
    return URLDecoder.decode(browser.getCurrentUrl(), StandardCharsets.UTF_8);
  }

  String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  void screenshot(String name) {
    chromium.screenshot(name);
  }
}
