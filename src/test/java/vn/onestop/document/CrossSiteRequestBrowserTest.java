package vn.onestop.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.HeadlessChromium;
import vn.onestop.OneStopSpringTest;

/**
 * Issue 24, finding 2, in real Chromium: a clerk logged in to Tasklist (her session cookie is sent, since a page on
 * another port of the same host is the same <i>site</i>) and who typed her password at {@code /engine-rest} opens a
 * page served from another origin. That page uploads a document to a dossier, prints slip 05 and unclaims her task
 * with forms and {@code fetch}: nothing changes. The same upload from a machine client succeeds (the control).
 */
@OneStopSpringTest
class CrossSiteRequestBrowserTest {

  static final Path SCREENSHOTS = Path.of("target", "screenshots", "security");
  static final String CLERK = "district-clerk";
  static final String PASSWORD = "Demo@2026!";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;

  HeadlessChromium chromium;
  WebDriver browser;
  WebDriverWait wait;
  HttpServer evil;
  TestRegister register;
  long dossierId;
  String taskId;

  @BeforeEach
  void setUp() throws Exception {
    chromium = HeadlessChromium.open(1200, 900, SCREENSHOTS);
    browser = chromium.driver();
    wait = chromium.waiting();
    register = new TestRegister(jdbc);
    Instant now = Instant.now();
    dossierId = register.dossier(TestRegister.uniqueCode(), TestRegister.uniqueIdNumber(), now, now.plus(2, ChronoUnit.DAYS));
    Task task = taskService.newTask();
    task.setName("Kiểm tra CSRF");
    task.setAssignee(CLERK);
    taskService.saveTask(task);
    taskId = task.getId();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (evil != null) {
      evil.stop(0);
    }
    if (chromium != null) {
      chromium.close();
    }
    taskService.deleteTask(taskId, true);
    register.cleanUp();
  }

  @Test
  void aPageOfAnotherOriginChangesNothing() throws Exception {
    String oneStop = "http://localhost:" + port;
    try {
      // the clerk's Tasklist session
      browser.get(oneStop + "/camunda/app/tasklist/default/");
      WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm] input[type=text]")));
      name.sendKeys(CLERK);
      browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys(PASSWORD);
      chromium.click(By.cssSelector("form[name=signinForm] button[type=submit]"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".start-process-action a")));
      // ... and her password typed for the engine API: answered without a Basic challenge, so never remembered
      browser.get("http://" + CLERK + ":" + PASSWORD.replace("@", "%40") + "@localhost:" + port + "/engine-rest/task");
      assertThat(browser.findElement(By.tagName("body")).getText()).contains("401");

      evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      evil.createContext("/", exchange -> {
        String query = exchange.getRequestURI().getQuery();
        byte[] body = evilPage(oneStop, query == null ? "upload" : query).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      evil.start();
      String evilSite = "http://localhost:" + evil.getAddress().getPort() + "/";

      // 1. fetch() with the clerk's cookies: a multipart upload of a "scan" into the dossier
      browser.get(evilSite + "?upload");
      wait.until(d -> d.getTitle().startsWith("sent"));
      // 2. and 3. auto-submitted forms (top level, so the answer can be read): slip 05, unclaim her task
      for (String action : new String[] {"slip", "unclaim"}) {
        browser.get(evilSite + "?" + action);
        wait.until(d -> d.getCurrentUrl().startsWith(oneStop));
        String answer = wait.until(d -> {
          String text = d.findElement(By.tagName("body")).getText();
          return text.isBlank() ? null : text;
        });
        assertThat(answer).as(action).contains("403").contains("Cross-origin");
      }
      chromium.screenshot("cross-site-page");
    } catch (Exception | AssertionError e) {
      chromium.screenshot("cross-site-page-failed");
      throw e;
    }

    assertThat(jdbc.queryForObject("select count(*) from onestop.document where dossier_id = ?", Integer.class, dossierId))
        .as("no document added").isZero();
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).as("task still hers").isEqualTo(CLERK);

    // Control: the same upload from a machine client (HTTP Basic, no Origin) is accepted.
    HttpResponse<String> machine = HttpClient.newHttpClient().send(upload(oneStop), HttpResponse.BodyHandlers.ofString());
    assertThat(machine.statusCode()).as(machine.body()).isEqualTo(201);
    assertThat(jdbc.queryForObject("select count(*) from onestop.document where dossier_id = ?", Integer.class, dossierId)).isOne();
  }

  private String evilPage(String oneStop, String action) {
    String script = switch (action) {
      case "slip" -> "document.getElementById('slip').submit();";
      case "unclaim" -> "document.getElementById('unclaim').submit();";
      default -> """
          const bytes = new Uint8Array(4000); crypto.getRandomValues(bytes);
          new TextEncoder().encode('%PDF-1.7\\n').forEach((b, i) => bytes[i] = b);
          const form = new FormData();
          form.append('file', new Blob([bytes], {type: 'application/pdf'}), 'du-thao.pdf');
          fetch('%1$s/api/documents/dossiers/%2$d/components/du-thao', {method: 'POST', mode: 'no-cors', credentials: 'include', body: form})
            .then(() => document.title = 'sent', e => document.title = 'sent ' + e);
          """.replace("%PDF", "%%PDF");
    };
    return """
        <!doctype html><html><head><title>Khuyến mãi</title></head><body>
        <form id="slip" method="POST" action="%1$s/api/documents/dossiers/%2$d/slips/05"></form>
        <form id="unclaim" method="POST" action="%1$s/engine-rest/task/%3$s/unclaim"></form>
        <script>%4$s</script></body></html>
        """.formatted(oneStop, dossierId, taskId, script.formatted(oneStop, dossierId));
  }

  private HttpRequest upload(String oneStop) {
    String boundary = "----onestop" + System.nanoTime();
    byte[] scan = TestRegister.pdfLike(4000);
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"du-thao.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + scan.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(scan, 0, body, head.length, scan.length);
    System.arraycopy(tail, 0, body, head.length + scan.length, tail.length);
    return HttpRequest.newBuilder(URI.create(oneStop + "/api/documents/dossiers/" + dossierId + "/components/du-thao"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((CLERK + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }
}
