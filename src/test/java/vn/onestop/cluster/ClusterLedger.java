package vn.onestop.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a portal and the clerks were told during a crash test, and the checks against the database
 * afterwards: every submission answered 2xx is there once, a re-send returns the original dossier,
 * every code reported after a commit is the dossier's code, no code is issued twice or skipped, and
 * every accepted dossier still has its deadline timer.
 */
final class ClusterLedger {

  private static final byte[] PDF = "%PDF-1.4\n% cluster\n".getBytes(StandardCharsets.US_ASCII);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final Set<String> sent = ConcurrentHashMap.newKeySet();
  /** portal id → dossier id, for every submission answered 2xx. */
  final Map<String, Long> answered = new ConcurrentHashMap<>();
  /** portal id → dossier code, reported by a clerk after the acceptance committed. */
  final Map<String, String> accepted = new ConcurrentHashMap<>();
  /** Answers that are neither 2xx nor a clean 503 nor a refused connection (e.g. a 500 after a lock conflict), and repeated acceptances. */
  final List<String> unexpected = new CopyOnWriteArrayList<>();

  record Answer(int status, Long dossierId, boolean repeated) {}

  /** POSTs an online submission (DNO.HT.01 at Nhân Cơ) to a node; status -1 when the node did not answer. */
  Answer submit(int port, String portalId) {
    sent.add(portalId);
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/online-dossiers"))
          .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
          .header("X-Api-Key", ClusterNodes.PORTAL_KEY)
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(submission(portalId)))).build();
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() / 100 == 2) {
        JsonNode body = JSON.readTree(r.body());
        Answer answer = new Answer(r.statusCode(), body.get("dossierId").asLong(), body.path("repeated").asBoolean());
        answered.putIfAbsent(portalId, answer.dossierId());
        return answer;
      }
      if (r.statusCode() != 503) {
        unexpected.add(portalId + " " + r.statusCode() + " " + r.body());
      }
      return new Answer(r.statusCode(), null, false);
    } catch (java.io.IOException e) {
      return new Answer(-1, null, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, null, false);
    }
  }

  /** A clerk's report {@code <portal id> <code>}. */
  void accepted(String report) {
    String[] parts = report.trim().split(" ");
    if (accepted.putIfAbsent(parts[0], parts[1]) != null) {
      unexpected.add("a second acceptance of " + report);
    }
  }

  long answeredWithPrefix(String prefix) {
    return answered.keySet().stream().filter(id -> id.startsWith(prefix)).count();
  }

  long acceptedWithPrefix(String prefix) {
    return accepted.keySet().stream().filter(id -> id.startsWith(prefix)).count();
  }

  private static Map<String, Object> submission(String portalId) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("procedureCode", "DNO.HT.01");
    s.put("receivingAgencyId", "nhan-co");
    s.put("portalDossierId", portalId);
    s.put("onlineLevel", "PARTIAL");
    s.put("applicant", Map.of("name", "Trần Thị Bích", "idNumber", "066190007777", "phone", "0905123456"));
    s.put("fee", Map.of("paid", false));
    List<Map<String, Object>> documents = new ArrayList<>();
    for (String component : List.of("to-khai", "giay-to-lien-quan")) {
      documents.add(Map.of("componentId", component, "fileName", component + ".pdf", "contentType", "application/pdf",
          "contentBase64", Base64.getEncoder().encodeToString(PDF)));
    }
    s.put("documents", documents);
    return s;
  }

  /** Every check against the shared database after the crash and the re-sends. */
  void verify(JdbcTemplate jdbc) {
    Map<String, Long> rows = new TreeMap<>();
    Map<String, String> codes = new TreeMap<>();
    jdbc.query("select portal_dossier_id, id, code from onestop.dossier where portal_dossier_id is not null", rs -> {
      assertThat(rows.put(rs.getString(1), rs.getLong(2))).as("one dossier per portal id").isNull();
      if (rs.getString(3) != null) {
        codes.put(rs.getString(1), rs.getString(3));
      }
    });
    // A submission never answered 2xx (503 in an outage, or no answer from a dead node) may or may not be there.
    assertThat(sent).as("no dossier the portal did not send").containsAll(rows.keySet());
    assertThat(rows.keySet()).as("every dossier answered 2xx is there").containsAll(answered.keySet());
    answered.forEach((id, dossierId) -> assertThat(rows.get(id)).as("dossier answered for %s", id).isEqualTo(dossierId));
    accepted.forEach((id, code) -> assertThat(codes.get(id)).as("code reported for %s", id).isEqualTo(code));
    assertThat(unexpected).as("answers other than 2xx / 503 / no answer").isEmpty();

    // No code twice (UNIQUE in the table as well), none skipped: per agency and day 1..n.
    Map<String, List<Integer>> sequences = new TreeMap<>();
    for (String code : codes.values()) {
      int dash = code.lastIndexOf('-');
      sequences.computeIfAbsent(code.substring(0, dash), k -> new ArrayList<>()).add(Integer.parseInt(code.substring(dash + 1)));
    }
    assertThat(codes.values()).doesNotHaveDuplicates();
    sequences.forEach((day, numbers) -> assertThat(numbers.stream().sorted().toList()).as("codes of %s", day)
        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, numbers.size()).boxed().toList()));

    // Every accepted dossier still open has its deadline timer (Timer_Overdue of the handling).
    assertThat(jdbc.queryForList("select d.code from onestop.dossier d where d.code is not null and d.returned_at is null"
        + " and d.outcome is null and not exists (select 1 from act_ru_job j join act_ru_jobdef jd on jd.id_ = j.job_def_id_"
        + " where j.process_instance_id_ = d.process_instance_id and jd.act_id_ = 'Timer_Overdue')", String.class))
        .as("accepted open dossiers without their deadline timer").isEmpty();
  }
}
