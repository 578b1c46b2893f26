package vn.onestop.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.onestop.OneStopSpringTest;

/**
 * The citizen's look-up and rating: right secret, wrong secret and unknown code (the same 404),
 * throttling per address and per code, no personal data, rating only after return and only once.
 * Each test comes from its own address (X-Forwarded-For from loopback, a trusted proxy by default).
 */
@OneStopSpringTest
class LookupAndRatingTest {

  static final AtomicInteger ADDRESSES = new AtomicInteger(1);

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  PortalHttp http;
  String address;

  @BeforeEach
  void setUp() {
    http = new PortalHttp(port, json);
    address = "198.51.100." + ADDRESSES.getAndIncrement();
  }

  /** An online dossier submitted by the portal; returns its look-up code (REG-n). */
  String submitted() throws Exception {
    PortalHttp.Answer a = http.submit(PortalHttp.submission("DVC-" + UUID.randomUUID()));
    assertThat(a.status()).isEqualTo(201);
    return a.body().get("lookupPath").asText().substring("/api/lookup/".length());
  }

  PortalHttp.Answer lookup(String code, String secret) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(http.uri("/api/lookup/" + code)).header("X-Forwarded-For", address).GET();
    if (secret != null) {
      b.header("X-Lookup-Secret", secret);
    }
    return http.send(b);
  }

  PortalHttp.Answer rate(String code, String secret, String rating) throws Exception {
    return http.send(HttpRequest.newBuilder(http.uri("/api/lookup/" + code + "/rating")).header("X-Forwarded-For", address)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("secret", secret, "rating", rating,
            "comment", "Cán bộ hướng dẫn tận tình")))));
  }

  @Test
  void the_right_secret_shows_the_status_in_plain_vietnamese_and_nothing_personal() throws Exception {
    String code = submitted();
    for (String secret : new String[] {"0905123456", "+84 905 123 456", "066190007777"}) {
      PortalHttp.Answer a = lookup(code, secret);
      assertThat(a.status()).as(secret + ": " + a.raw().body()).isEqualTo(200);
      assertThat(a.body().get("statusText").asText()).isEqualTo("Đã nộp, chờ kiểm tra");
      assertThat(a.body().get("procedureName").asText()).contains("hộ tịch");
      assertThat(a.body().get("resultReady").asBoolean()).isFalse();
      assertThat(a.body().get("canRate").asBoolean()).isFalse();
      assertThat(a.raw().body()).doesNotContain("Trần Thị Bích", "0905", "066190007777", "bich@example.vn", "Nhân Cơ");
      assertThat(a.raw().headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }
  }

  @Test
  void wrong_secret_and_unknown_code_answer_the_same() throws Exception {
    String code = submitted();
    PortalHttp.Answer wrong = lookup(code, "0900000000");
    PortalHttp.Answer unknown = lookup("000.00.10.H56-260101-9999", "0905123456");
    PortalHttp.Answer none = lookup(code, null);
    for (PortalHttp.Answer a : new PortalHttp.Answer[] {wrong, unknown, none}) {
      assertThat(a.status()).isEqualTo(404);
      assertThat(a.body().get("message").asText()).isEqualTo(CitizenLookup.NOT_FOUND);
      assertThat(a.body().get("field").isNull()).isTrue();
    }
  }

  @Test
  void failed_look_ups_are_throttled_per_address() throws Exception {
    String code = submitted();
    for (int i = 0; i < 10; i++) {
      assertThat(lookup("000.00.10.H56-260101-" + (1000 + i), "0905123456").status()).isEqualTo(404);
    }
    PortalHttp.Answer throttled = lookup(code, "0905123456");
    assertThat(throttled.status()).as("even the right secret waits once the address is throttled").isEqualTo(429);
    assertThat(throttled.raw().headers().firstValue("Retry-After")).isPresent();
    address = "198.51.100." + ADDRESSES.getAndIncrement();
    assertThat(lookup(code, "0905123456").status()).as("another address is not affected").isEqualTo(200);
  }

  @Test
  void failed_look_ups_are_throttled_per_code_whatever_the_address() throws Exception {
    String code = submitted();
    for (int i = 0; i < 5; i++) {
      address = "203.0.113." + ADDRESSES.getAndIncrement();
      assertThat(lookup(code, "09000000" + i + i).status()).isEqualTo(404);
    }
    address = "203.0.113." + ADDRESSES.getAndIncrement();
    assertThat(lookup(code, "0905123456").status()).isEqualTo(429);
  }

  @Test
  void rating_only_after_return_and_only_once() throws Exception {
    String code = submitted();
    assertThat(rate(code, "0905123456", "SATISFIED").status()).as("not returned yet").isEqualTo(409);
    long id = Long.parseLong(code.substring(4));
    // The return itself is the dossier flow's business (DossierFlowTest); here only its register effect.
    jdbc.update("update onestop.dossier set status = 'RETURNED', finished_at = now(), returned_at = now() where id = ?", id);
    assertThat(lookup(code, "0905123456").body().get("canRate").asBoolean()).isTrue();
    assertThat(rate(code, "0900000000", "SATISFIED").status()).as("wrong secret").isEqualTo(404);
    assertThat(rate(code, "0905123456", "GREAT").status()).isEqualTo(400);
    PortalHttp.Answer rated = rate(code, "0905123456", "VERY_SATISFIED");
    assertThat(rated.status()).as(rated.raw().body()).isEqualTo(200);
    assertThat(rated.body().at("/rating/value").asText()).isEqualTo("VERY_SATISFIED");
    assertThat(rated.body().get("statusText").asText()).isEqualTo("Đã trả kết quả");
    Map<String, Object> row = jdbc.queryForMap("select rating, rating_comment, rated_at, rated_by from onestop.dossier where id = ?", id);
    assertThat(row.get("rated_by")).isEqualTo("CITIZEN");
    assertThat(row.get("rating_comment")).isEqualTo("Cán bộ hướng dẫn tận tình");
    assertThat(row.get("rated_at")).isNotNull();
    assertThat(rate(code, "0905123456", "NOT_SATISFIED").status()).as("a second rating").isEqualTo(409);
  }

  @Test
  void an_apology_shows_its_reason_and_new_appointment() throws Exception {
    String code = submitted();
    long id = Long.parseLong(code.substring(4));
    jdbc.update("update onestop.dossier set status = 'IN_PROGRESS', due_at = now() + interval '5 days', original_due_at = now() where id = ?", id);
    jdbc.update("""
        insert into onestop.apology (dossier_id, agency_id, reason, previous_due_at, new_due_at, issued_at)
        values (?, 'nhan-co', 'Cần xác minh thêm tại địa phương', now(), now() + interval '5 days', now())""", id);
    PortalHttp.Answer a = lookup(code, "066190007777");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().at("/apology/reason").asText()).isEqualTo("Cần xác minh thêm tại địa phương");
    assertThat(a.body().at("/apology/newAppointment").asText()).isNotBlank();
    assertThat(a.body().get("originalAppointment").isNull()).isFalse();
  }
}
