package vn.onestop.feedback;

import vn.onestop.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.onestop.catalog.Organisation;
import vn.onestop.citizen.ClientAddress;
import vn.onestop.citizen.LookupProperties;
import vn.onestop.citizen.RateCounters;
import vn.onestop.web.ApiException;

/**
 * Public feedback API (phản ánh, kiến nghị): submit one (starts {@code feedback.bpmn}), and read the
 * published answers. No login; submissions are limited per client address.
 */
@RestController
@RequestMapping("/api/feedback")
public class FeedbackController {

  private final RuntimeService runtimeService;
  private final Organisation organisation;
  private final JdbcTemplate jdbc;
  private final RateCounters counters;
  private final LookupProperties limits;
  private final ClientAddress addresses;

  public FeedbackController(RuntimeService runtimeService, Organisation organisation, JdbcTemplate jdbc, RateCounters counters,
      LookupProperties limits, ClientAddress addresses) {
    this.runtimeService = runtimeService;
    this.organisation = organisation;
    this.jdbc = jdbc;
    this.counters = counters;
    this.limits = limits;
    this.addresses = addresses;
  }

  /** A feedback as the public page or a portal sends it. */
  public record NewFeedback(String kind, String agencyId, String senderName, String senderAddress, String senderPhone,
      String senderEmail, String subject, String content, String dossierCode) {}

  /** The answer to a submission. */
  public record FeedbackReceipt(String code, String status, Instant receivedAt) {}

  /** A published answer: no personal data of the sender. */
  public record PublishedAnswer(String code, String kind, String agencyId, String agencyName, String subject, String content,
      String answer, Instant receivedAt, Instant answeredAt, Instant publishedAt) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  public ResponseEntity<?> submit(@RequestBody NewFeedback f, HttpServletRequest request) {
    if (f == null) {
      throw ApiException.badRequest("body", "The feedback is required as JSON");
    }
    Instant now = Instant.now();
    RateCounters.Window window = counters.hit("FEEDBACK_IP", addresses.of(request), limits.window(), now);
    if (window.hits() > limits.maxFeedbackPerAddress()) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, Long.toString(window.retryAfterSeconds(now))).contentType(Problems.PROBLEM_JSON)
          .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Gửi quá nhiều phản ánh; vui lòng thử lại sau.", null,
              request.getRequestURI()));
    }
    String kind = f.kind() == null || f.kind().isBlank() ? "REGULATION" : f.kind().trim().toUpperCase(Locale.ROOT);
    if (!FeedbackRegister.KINDS.contains(kind)) {
      throw ApiException.badRequest("kind", "kind must be REGULATION or BEHAVIOUR");
    }
    String agencyId = required(f.agencyId(), "agencyId", "the agency the feedback is addressed to (see GET /api/agencies)");
    if (organisation.find(agencyId).isEmpty()) {
      throw ApiException.badRequest("agencyId", "No agency with id '" + agencyId + "'; see GET /api/agencies");
    }
    // Decree 20/2008: feedback without the sender's name, address (or contact) or content is not accepted.
    required(f.senderName(), "senderName", "the sender's full name");
    if (blank(f.senderAddress()) && blank(f.senderPhone()) && blank(f.senderEmail())) {
      throw ApiException.badRequest("senderAddress", "senderAddress, senderPhone or senderEmail is required so the answer can reach the sender");
    }
    if (!blank(f.senderEmail()) && !f.senderEmail().trim().matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
      throw ApiException.badRequest("senderEmail", "senderEmail is not an e-mail address");
    }
    required(f.subject(), "subject", "a short subject");
    required(f.content(), "content", "what the feedback or petition is");
    if (f.subject().length() > 300 || f.content().length() > 10_000) {
      throw ApiException.badRequest(f.subject().length() > 300 ? "subject" : "content", "subject ≤ 300 and content ≤ 10,000 characters");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("kind", kind);
    variables.put("agencyId", agencyId);
    variables.put("channel", "WEB");
    variables.put("senderName", f.senderName().trim());
    variables.put("senderAddress", trim(f.senderAddress()));
    variables.put("senderPhone", trim(f.senderPhone()));
    variables.put("senderEmail", trim(f.senderEmail()));
    variables.put("subject", f.subject().trim());
    variables.put("content", f.content().trim());
    variables.put("dossierCode", trim(f.dossierCode()));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("feedback", variables);
    String code = instance.getBusinessKey();
    return ResponseEntity.status(HttpStatus.CREATED).body(new FeedbackReceipt(code, "RECEIVED",
        jdbc.queryForObject("select received_at from onestop.feedback where code = ?", java.sql.Timestamp.class, code).toInstant()));
  }

  @GetMapping("/published")
  public List<PublishedAnswer> published(@RequestParam(required = false) String agency,
      @RequestParam(defaultValue = "50") int limit) {
    int n = Math.max(1, Math.min(limit, 200));
    return jdbc.query("""
        select code, kind, agency_id, subject, content, answer, received_at, answered_at, published_at from onestop.feedback
        where published and (cast(? as varchar) is null or agency_id = ?) order by published_at desc, id desc limit ?""",
        (rs, i) -> new PublishedAnswer(rs.getString(1), rs.getString(2), rs.getString(3),
            organisation.find(rs.getString(3)).map(a -> a.name()).orElse(rs.getString(3)), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant()),
        agency, agency, n);
  }

  private static String required(String value, String field, String what) {
    if (blank(value)) {
      throw ApiException.badRequest(field, field + " is required: " + what);
    }
    return value.trim();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String trim(String s) {
    return blank(s) ? null : s.trim();
  }
}
