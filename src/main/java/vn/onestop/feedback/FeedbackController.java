package vn.onestop.feedback;

import vn.onestop.process.EngineTime;
import org.camunda.bpm.engine.variable.Variables;
import vn.onestop.web.Limits;
import vn.onestop.web.TextRules;
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
    Instant now = EngineTime.current();
    RateCounters.Window window = counters.hit("FEEDBACK_IP", addresses.of(request), limits.window(), now);
    if (window.hits() > limits.maxFeedbackPerAddress()) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, Long.toString(window.retryAfterSeconds(now))).contentType(Problems.PROBLEM_JSON)
          .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Gửi quá nhiều phản ánh; vui lòng thử lại sau.", null,
              request.getRequestURI()));
    }
    String givenKind = TextRules.optional(f.kind(), "kind", 20);
    String kind = givenKind == null ? "REGULATION" : givenKind.toUpperCase(Locale.ROOT);
    if (!FeedbackRegister.KINDS.contains(kind)) {
      throw ApiException.badRequest("kind", "kind must be REGULATION or BEHAVIOUR");
    }
    String agencyId = TextRules.required(f.agencyId(), "agencyId", "Cơ quan nhận phản ánh", Limits.AGENCY_ID);
    if (organisation.find(agencyId).isEmpty()) {
      throw ApiException.badRequest("agencyId", "No agency with id '" + agencyId + "'; see GET /api/agencies");
    }
    // Decree 20/2008: feedback without the sender's name, address (or contact) or content is not accepted.
    String senderName = TextRules.required(f.senderName(), "senderName", "Họ tên người phản ánh", Limits.PERSON_NAME);
    String senderAddress = TextRules.optional(f.senderAddress(), "senderAddress", Limits.ADDRESS);
    String senderPhone = TextRules.optional(f.senderPhone(), "senderPhone", Limits.PHONE);
    String senderEmail = TextRules.optional(f.senderEmail(), "senderEmail", Limits.EMAIL);
    if (senderAddress == null && senderPhone == null && senderEmail == null) {
      throw TextRules.missing("senderAddress", "Địa chỉ, số điện thoại hoặc thư điện tử của người phản ánh (để nhận trả lời)");
    }
    if (senderPhone != null && !TextRules.PHONE.matcher(senderPhone).matches()) {
      throw ApiException.badRequest("senderPhone", "senderPhone không phải số điện thoại");
    }
    if (senderEmail != null && !TextRules.EMAIL.matcher(senderEmail).matches()) {
      throw ApiException.badRequest("senderEmail", "senderEmail không phải địa chỉ thư điện tử");
    }
    String subject = TextRules.required(f.subject(), "subject", "Tiêu đề", Limits.FEEDBACK_SUBJECT);
    String content = TextRules.requiredMultiline(f.content(), "content", "Nội dung phản ánh, kiến nghị", Limits.FEEDBACK_CONTENT);
    String dossierCode = TextRules.optional(f.dossierCode(), "dossierCode", Limits.DOSSIER_CODE);
    Map<String, Object> variables = new HashMap<>();
    variables.put(FeedbackVariables.KIND, kind);
    variables.put(FeedbackVariables.AGENCY_ID, agencyId);
    variables.put(FeedbackVariables.CHANNEL, "WEB");
    variables.put(FeedbackVariables.SENDER_NAME, senderName);
    variables.put(FeedbackVariables.SENDER_ADDRESS, senderAddress);
    variables.put(FeedbackVariables.SENDER_PHONE, senderPhone);
    variables.put(FeedbackVariables.SENDER_EMAIL, senderEmail);
    variables.put(FeedbackVariables.SUBJECT, subject);
    // The register keeps the whole text (up to 10,000 characters); a process variable holds at most 4,000
    // (Camunda's varchar(4000)): the full text travels as a transient variable the start step writes to
    // the register, the process keeps a preview for Tasklist.
    variables.put(FeedbackRegister.FULL_CONTENT, Variables.stringValue(content, true));
    variables.put(FeedbackVariables.CONTENT, FeedbackRegister.preview(content));
    variables.put(FeedbackVariables.DOSSIER_CODE, dossierCode);
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
