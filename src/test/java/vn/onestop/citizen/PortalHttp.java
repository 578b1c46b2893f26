package vn.onestop.citizen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A portal's HTTP calls to OneStop in tests. */
final class PortalHttp {

  static final String KEY = "test-portal-key-2026";
  static final byte[] PDF = "%PDF-1.4\n% online\n".getBytes(StandardCharsets.US_ASCII);

  final int port;
  final ObjectMapper json;
  final HttpClient http = HttpClient.newHttpClient();

  PortalHttp(int port, ObjectMapper json) {
    this.port = port;
    this.json = json;
  }

  record Answer(int status, JsonNode body, HttpResponse<String> raw) {}

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode body = r.body() == null || r.body().isBlank() || !r.body().trim().startsWith("{") && !r.body().trim().startsWith("[")
        ? null : json.readTree(r.body());
    return new Answer(r.statusCode(), body, r);
  }

  Answer postJson(String path, Object body, String key) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json.writeValueAsString(body)));
    if (key != null) {
      b.header("X-Api-Key", key);
    }
    return send(b);
  }

  Answer submit(Object body) throws IOException, InterruptedException {
    return postJson("/api/online-dossiers", body, KEY);
  }

  static Map<String, Object> document(String component, String type, byte[] bytes) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("componentId", component);
    d.put("fileName", component + ".pdf");
    d.put("contentType", type);
    d.put("contentBase64", Base64.getEncoder().encodeToString(bytes));
    return d;
  }

  /** A complete correction of civil-status information (DNO.HT.01) at the commune of Nhân Cơ. */
  static Map<String, Object> submission(String portalId) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("procedureCode", "DNO.HT.01");
    s.put("receivingAgencyId", "nhan-co");
    s.put("portalDossierId", portalId);
    s.put("onlineLevel", "PARTIAL");
    s.put("applicant", new LinkedHashMap<>(Map.of("name", "Trần Thị Bích", "idNumber", "066190007777", "phone", "0905 123 456",
        "email", "bich@example.vn", "address", "Thôn 3, xã Nhân Cơ")));
    s.put("fee", new LinkedHashMap<>(Map.of("paid", false)));
    s.put("documents", new java.util.ArrayList<>(List.of(document("to-khai", "application/pdf", PDF),
        document("giay-to-lien-quan", "application/pdf", PDF))));
    return s;
  }
}
