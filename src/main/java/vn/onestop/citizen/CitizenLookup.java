package vn.onestop.citizen;

import vn.onestop.web.TextRules;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import vn.onestop.register.RegisterUpdates;
import vn.onestop.dossier.DossierVariables;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.onestop.document.DocumentContent;
import vn.onestop.document.DocumentStore;
import vn.onestop.document.Slips;
import vn.onestop.document.StoredDocument;
import vn.onestop.process.EngineTime;
import vn.onestop.web.ApiException;

/**
 * The citizen's look-up and rating (tra cứu, đánh giá). The citizen proves knowledge of the dossier
 * with a secret printed on nothing public: the phone number or the ID number given at submission.
 * A wrong secret and an unknown code get the same 404 after the same work, and failures are counted
 * per client address and per code in PostgreSQL ({@link RateCounters}), so codes cannot be enumerated
 * and one citizen's secret cannot be guessed, whatever node answers.
 */
@Service
public class CitizenLookup {

  public static final String NOT_FOUND = "Không tìm thấy hồ sơ với mã số và thông tin xác thực đã nhập. "
      + "Vui lòng kiểm tra lại mã hồ sơ và số điện thoại hoặc số CCCD đã khai khi nộp.";
  /** Compared against when the code is unknown, so both failures cost the same. */
  private static final byte[] DUMMY = digest("0000000000");

  private final JdbcTemplate jdbc;
  private final RateCounters counters;
  private final LookupProperties limits;
  private final Slips slips;
  private final DocumentStore documents;
  private final EngineTime time;
  private final RegisterUpdates register;

  public CitizenLookup(JdbcTemplate jdbc, RateCounters counters, LookupProperties limits, Slips slips,
      DocumentStore documents, EngineTime time, RegisterUpdates register) {
    this.jdbc = jdbc;
    this.counters = counters;
    this.limits = limits;
    this.slips = slips;
    this.documents = documents;
    this.time = time;
    this.register = register;
  }

  /** The register columns the look-up needs, for the secret check and the answer. */
  record Row(long id, String code, String procedureName, String status, String phone, String idNumber, Instant submittedAt,
      Instant receivedAt, Instant dueAt, Instant originalDueAt, Instant finishedAt, Instant returnedAt, String rating,
      String ratingComment, Instant ratedAt, String ratedBy) {}

  public DossierStatus status(String code, String secret, String address) {
    Row row = authenticate(code, secret, address);
    return view(row, code);
  }

  /** The printed apology (form 04) of the dossier, if any. */
  public DocumentContent apologySlip(String code, String secret, String address) {
    Row row = authenticate(code, secret, address);
    StoredDocument slip = slips.latest(row.id(), "04").orElseThrow(() -> ApiException.notFound("Hồ sơ chưa có phiếu xin lỗi"));
    return documents.read(slip.id());
  }

  /** The citizen's rating after the result was returned, once (Decree 61/2018 Art. 27-32). */
  public DossierStatus rate(String code, String secret, String address, String rating, String comment) {
    Row row = authenticate(code, secret, address);
    String value = rating == null ? "" : rating.trim().toUpperCase(Locale.ROOT);
    if (java.util.Arrays.stream(DossierVariables.Rating.values()).noneMatch(r -> r.name().equals(value))) {
      throw ApiException.badRequest("rating", "rating must be VERY_SATISFIED, SATISFIED or NOT_SATISFIED");
    }
    String text = TextRules.optionalMultiline(comment, "comment", vn.onestop.web.Limits.RATING_COMMENT);
    if (!"RETURNED".equals(row.status())) {
      throw new ApiException(HttpStatus.CONFLICT, "rating", "Chỉ đánh giá được sau khi đã nhận kết quả");
    }
    Instant now = time.now();
    if (!register.ratedByCitizen(row.id(), value, text, now)) {
      throw new ApiException(HttpStatus.CONFLICT, "rating", "Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần");
    }
    return view(load(row.id()).orElseThrow(), code);
  }

  /**
   * Finds the dossier and checks the secret, or throws the one 404 every failure gets (429 while the
   * address or the code is throttled).
   */
  Row authenticate(String code, String secret, String address) {
    // control characters (NUL included) cannot be in a code, and PostgreSQL refuses 0x00 in the counter key
    String key = code == null ? "" : code.replaceAll("\\p{Cntrl}", "").trim().toUpperCase(Locale.ROOT);
    if (key.length() > 60) {
      key = key.substring(0, 60);
    }
    Instant now = EngineTime.current();
    throttled("LOOKUP_IP", address, limits.maxFailuresPerAddress(), now);
    throttled("LOOKUP_CODE", key, limits.maxFailuresPerCode(), now);
    Optional<Row> row = find(key);
    byte[] given = digest(normalise(secret));
    boolean match;
    if (row.isPresent()) {
      boolean phone = MessageDigest.isEqual(given, digest(normalise(row.get().phone())));
      boolean id = MessageDigest.isEqual(given, digest(normalise(row.get().idNumber())));
      match = !normalise(secret).isEmpty() && (phone || id);
    } else {
      MessageDigest.isEqual(given, DUMMY);
      MessageDigest.isEqual(given, DUMMY);
      match = false;
    }
    if (!match) {
      counters.hit("LOOKUP_IP", address, limits.window(), now);
      counters.hit("LOOKUP_CODE", key, limits.window(), now);
      throw new ApiException(HttpStatus.NOT_FOUND, null, NOT_FOUND);
    }
    return row.get();
  }

  private void throttled(String scope, String key, int max, Instant now) {
    RateCounters.Window window = counters.peek(scope, key, limits.window(), now);
    if (window.hits() >= max) {
      throw new ThrottledException(window.retryAfterSeconds(now));
    }
  }

  /** Too many failed look-ups: answer 429 with Retry-After. */
  public static class ThrottledException extends ApiException {
    private final long retryAfterSeconds;

    ThrottledException(long retryAfterSeconds) {
      super(HttpStatus.TOO_MANY_REQUESTS, null, "Tra cứu không thành công quá nhiều lần. Vui lòng thử lại sau "
          + retryAfterSeconds + " giây.");
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  private Optional<Row> find(String key) {
    if (key.matches("REG-[0-9]{1,18}")) {
      return load(Long.parseLong(key.substring(4)));
    }
    return jdbc.query(SELECT + " where code = ?", rs -> rs.next() ? Optional.of(row(rs)) : Optional.<Row>empty(), key);
  }

  private Optional<Row> load(long id) {
    return jdbc.query(SELECT + " where id = ?", rs -> rs.next() ? Optional.of(row(rs)) : Optional.<Row>empty(), id);
  }

  private static final String SELECT = """
      select id, code, procedure_name, status, applicant_phone, applicant_id_number, submitted_at, received_at, due_at,
        original_due_at, finished_at, returned_at, rating, rating_comment, rated_at, rated_by from onestop.dossier""";

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        instant(rs, 7), instant(rs, 8), instant(rs, 9), instant(rs, 10), instant(rs, 11), instant(rs, 12), rs.getString(13),
        rs.getString(14), instant(rs, 15), rs.getString(16));
  }

  private DossierStatus view(Row r, String asked) {
    String code = r.code() != null ? r.code() : "REG-" + r.id();
    DossierStatus.Apology apology = jdbc.query("select reason, previous_due_at, new_due_at, issued_at from onestop.apology where dossier_id = ?",
        rs -> rs.next() ? new DossierStatus.Apology(rs.getString(1), instant(rs, 2), instant(rs, 3), instant(rs, 4),
            slips.latest(r.id(), "04").isPresent() ? "/api/lookup/" + code + "/apology.pdf" : null) : null, r.id());
    String supplement = "SUPPLEMENT_REQUESTED".equals(r.status()) ? jdbc.query(
        "select missing from onestop.supplement_request where dossier_id = ? and completed_at is null order by id desc limit 1",
        rs -> rs.next() ? rs.getString(1) : null, r.id()) : null;
    DossierStatus.Rating rating = r.rating() == null ? null : new DossierStatus.Rating(r.rating(), r.ratingComment(), r.ratedAt(), r.ratedBy());
    boolean moved = apology != null && r.originalDueAt() != null;
    return new DossierStatus(code, r.procedureName(), r.status(), PlainStatus.of(r.status()), r.submittedAt(), r.receivedAt(),
        r.dueAt(), moved ? r.originalDueAt() : null, r.finishedAt() != null, r.returnedAt(), supplement, apology, rating,
        "RETURNED".equals(r.status()) && r.rating() == null);
  }

  /** Digits and letters only, upper case; +84 / 84 phone prefixes become 0. */
  static String normalise(String secret) {
    if (secret == null) {
      return "";
    }
    String s = secret.replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT);
    if (s.startsWith("84") && s.length() == 11) {
      s = "0" + s.substring(2);
    }
    return s;
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
