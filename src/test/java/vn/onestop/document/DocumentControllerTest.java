package vn.onestop.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;

/** The staff API: upload (201, 413, 400), list, download with checksum, 500 for a damaged file, a slip, auth. */
@OneStopSpringTest
class DocumentControllerTest {

  static final String USER = "doctest-clerk";
  static final String PASSWORD = "Doc-Test#2026x";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identityService;

  final HttpClient http = HttpClient.newHttpClient();
  TestRegister register;
  long dossierId;

  @BeforeEach
  void setUp() {
    if (identityService.createUserQuery().userId(USER).count() == 0) {
      User user = identityService.newUser(USER);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      // A clerk of the receiving commune: staff read only their own agencies' dossiers.
      identityService.createMembership(USER, TestRegister.RECEIVING + "-clerks");
    }
    register = new TestRegister(jdbc);
    Instant now = Instant.now();
    dossierId = register.dossier(TestRegister.uniqueCode(), TestRegister.uniqueIdNumber(), now, now.plus(2, ChronoUnit.DAYS));
  }

  @AfterEach
  void tearDown() {
    register.cleanUp();
    identityService.deleteUser(USER);
  }

  @Test
  void uploadListDownloadAndRefuse() throws Exception {
    byte[] scan = TestRegister.pdfLike(4_000);
    HttpResponse<String> created = send(multipart("/api/documents/dossiers/" + dossierId + "/components/du-thao", "du-thao.pdf",
        "application/pdf", scan), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"version\":1").contains(DocumentStore.sha256(scan));
    long documentId = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));

    HttpResponse<String> tooLarge = send(multipart("/api/documents/dossiers/" + dossierId + "/components/du-thao", "big.pdf",
        "application/pdf", TestRegister.pdfLike(10 * 1024 * 1024 + 1)), HttpResponse.BodyHandlers.ofString());
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("\"field\":\"file\"");
    HttpResponse<String> wrongType = send(multipart("/api/documents/dossiers/" + dossierId + "/components/du-thao", "a.txt",
        "text/plain", "hello".getBytes()), HttpResponse.BodyHandlers.ofString());
    assertThat(wrongType.statusCode()).isEqualTo(400);

    assertThat(send(get("/api/documents/dossiers/" + dossierId), HttpResponse.BodyHandlers.ofString()).body())
        .contains("\"componentId\":\"du-thao\"");
    HttpResponse<byte[]> content = send(get("/api/documents/" + documentId + "/content"), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(content.body()).isEqualTo(scan);
    assertThat(content.headers().firstValue("X-Content-SHA256")).contains(DocumentStore.sha256(scan));

    HttpResponse<byte[]> slip = send(get("/api/documents/dossiers/" + dossierId + "/slips/01"), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(slip.statusCode()).isEqualTo(200);
    assertThat(slip.headers().firstValue("Content-Type")).contains("application/pdf");

    jdbc.update("UPDATE onestop.document_blob SET bytes = overlay(bytes placing '\\x00'::bytea from 100 for 1) WHERE sha256 = ?",
        DocumentStore.sha256(scan));
    HttpResponse<String> damaged = send(get("/api/documents/" + documentId + "/content"), HttpResponse.BodyHandlers.ofString());
    assertThat(damaged.statusCode()).isEqualTo(500);
    assertThat(damaged.body()).contains("sai mã kiểm tra").contains("\"field\":\"documentId\"");

    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/api/documents/dossiers/" + dossierId)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) throws Exception {
    String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return http.send(request.header("Authorization", "Basic " + auth).build(), handler);
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET();
  }

  private HttpRequest.Builder multipart(String path, String fileName, String contentType, byte[] bytes) {
    String boundary = "----onestop" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + bytes.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(bytes, 0, body, head.length, bytes.length);
    System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
    return HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
