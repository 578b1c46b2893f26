package vn.onestop.citizen;

import vn.onestop.web.Limits;
import vn.onestop.web.TextRules;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.onestop.register.DossierQueries;
import vn.onestop.register.DossierQueries.PaymentState;
import vn.onestop.register.RegisterUpdates;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.DocumentForm;
import vn.onestop.catalog.OnlineLevel;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.catalog.RequiredDocument;
import vn.onestop.document.Digitisation;
import vn.onestop.document.DocumentOrigin;
import vn.onestop.document.DocumentRejectedException;
import vn.onestop.process.EngineTime;
import vn.onestop.dossier.DossierVariables;
import vn.onestop.web.ApiException;

/**
 * Online submission (nộp hồ sơ trực tuyến) as a portal hands it over: validate everything against the
 * catalogue, start the {@code dossier} process on the online path (the one-stop clerk still checks it,
 * Decree 61/2018 Art. 17.2) and store the files, all in one transaction, so a refused submission
 * leaves no register row, no file and no process instance.
 *
 * <p>Idempotent on the portal's id ({@code onestop.dossier.portal_dossier_id} is UNIQUE): a repeat
 * returns the existing dossier; when two copies race, the second transaction fails on the constraint
 * and the caller gets the first one's dossier.
 */
@Service
public class OnlineSubmissions {

  private static final Logger LOG = LoggerFactory.getLogger(OnlineSubmissions.class);
  static final Pattern EMAIL = TextRules.EMAIL;
  static final Pattern PHONE = TextRules.PHONE;

  private final ProcedureCatalog catalog;
  private final PortalSubmissionLog submissionLog;
  private final RuntimeService runtimeService;
  private final Digitisation digitisation;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final EngineTime time;
  private final RegisterUpdates register;
  private final DossierQueries queries;

  public OnlineSubmissions(ProcedureCatalog catalog, RuntimeService runtimeService, Digitisation digitisation,
      JdbcTemplate jdbc, PlatformTransactionManager transactions, EngineTime time, RegisterUpdates register,
      PortalSubmissionLog submissionLog, DossierQueries queries) {
    this.submissionLog = submissionLog;
    this.catalog = catalog;
    this.runtimeService = runtimeService;
    this.digitisation = digitisation;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.time = time;
    this.register = register;
    this.queries = queries;
  }

  /** The outcome: the receipt and whether the dossier is new (201) or a repeat (200). */
  public record Outcome(OnlineDossierReceipt receipt, boolean created) {}

  public Outcome submit(String clientId, OnlineSubmission s, List<OnlineSubmission.Upload> files) {
    String portalId = TextRules.required(s.portalDossierId(), "portalDossierId", "Mã hồ sơ trên cổng dịch vụ công",
        Limits.PORTAL_DOSSIER_ID);
    String fingerprint = PortalSubmissionLog.fingerprint(s, files);
    Optional<OnlineDossierReceipt> existing = find(portalId);
    if (existing.isPresent()) {
      return new Outcome(submissionLog.repeat(portalId, fingerprint, existing.get()), false);
    }
    try {
      return new Outcome(transaction.execute(status -> create(clientId, portalId, fingerprint, s, files)).asFirst(), true);
    } catch (RuntimeException e) {
      if (isUniqueViolation(e)) {
        LOG.info("Portal dossier {} submitted twice at once; returning the first", TextRules.excerpt(portalId, 100));
        return new Outcome(submissionLog.repeat(portalId, fingerprint, find(portalId).orElseThrow(() -> e)), false);
      }
      throw e;
    }
  }

  private OnlineDossierReceipt create(String clientId, String portalId, String fingerprint, OnlineSubmission s,
      List<OnlineSubmission.Upload> files) {
    Checked c = check(s, files);
    Map<String, Object> variables = new HashMap<>();
    variables.put(DossierVariables.PROCEDURE_CODE, c.procedure().code());
    variables.put(DossierVariables.RECEIVING_AGENCY_ID, c.receivingAgencyId());
    variables.put(DossierVariables.CHANNEL, "ONLINE");
    variables.put(DossierVariables.APPLICANT_NAME, c.applicant().name());
    variables.put(DossierVariables.APPLICANT_ID_NUMBER, c.applicant().idNumber());
    variables.put(DossierVariables.APPLICANT_PHONE, c.applicant().phone());
    variables.put(DossierVariables.APPLICANT_EMAIL, c.applicant().email());
    variables.put(DossierVariables.APPLICANT_ADDRESS, c.applicant().address());
    variables.put(DossierVariables.ONLINE_LEVEL, c.onlineLevel().name());
    variables.put(DossierVariables.PORTAL_DOSSIER_ID, portalId);
    variables.put(DossierVariables.PORTAL_CLIENT_ID, clientId);
    variables.put(DossierVariables.FEE_PAID, c.feePaid());
    variables.put(DossierVariables.FEE_TRANSACTION_REF, c.feeTransactionRef());
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("dossier", variables);
    Object id = runtimeService.getVariable(instance.getId(), DossierVariables.DOSSIER_ID);
    if (!(id instanceof Number dossierId)) {
      throw new IllegalStateException("The dossier process did not open a register row for portal dossier " + portalId);
    }
    if (c.feePaid()) {
      register.feePaidAtSubmission(dossierId.longValue());
    }
    submissionLog.record(portalId, dossierId.longValue(), clientId, fingerprint);
    for (OnlineSubmission.Upload file : files) {
      try {
        digitisation.upload(dossierId.longValue(), file.componentId(), file.fileName(), file.contentType(), file.bytes(),
            DocumentOrigin.ELECTRONIC, null, "portal:" + clientId);
      } catch (DocumentRejectedException e) {
        HttpStatus status = e.reason() == DocumentRejectedException.Reason.TOO_LARGE ? HttpStatus.PAYLOAD_TOO_LARGE
            : HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        throw new ApiException(status, file.field(), e.getMessage());
      }
    }
    return find(portalId).orElseThrow();
  }

  /** What the checks found: the procedure version, the receiving agency and the payment. */
  record Checked(Procedure procedure, String receivingAgencyId, OnlineLevel onlineLevel, boolean feePaid, String feeTransactionRef,
      OnlineSubmission.Applicant applicant) {}

  /** Every check before anything is written; each failure names the field at fault. */
  Checked check(OnlineSubmission s, List<OnlineSubmission.Upload> files) {
    String code = TextRules.required(s.procedureCode(), "procedureCode", "Mã thủ tục hành chính", Limits.PROCEDURE_CODE);
    Procedure p = catalog.find(code).orElseThrow(() -> new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "procedureCode",
        "No procedure with code '" + code + "' in force today; see GET /api/procedures"));
    if (p.internal()) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "procedureCode",
          "Procedure " + p.code() + " is an internal administrative procedure (TTHC nội bộ) between state bodies, not filed by citizens");
    }
    if (p.onlineLevel() == null || p.onlineLevel() == OnlineLevel.NONE) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "procedureCode",
          "Procedure " + p.code() + " (" + p.name() + ") is not offered online; it is received only at the desk or by post");
    }
    OnlineLevel level = onlineLevel(s.onlineLevel(), p);

    List<Agency> receivers = catalog.receivingAgencies(p);
    String agencyId = TextRules.optional(s.receivingAgencyId(), "receivingAgencyId", Limits.AGENCY_ID);
    if (agencyId == null) {
      if (receivers.size() != 1) {
        throw ApiException.badRequest("receivingAgencyId", "Procedure " + p.code() + " is received by " + receivers.size()
            + " agencies; say which one in receivingAgencyId (see GET /api/agencies)");
      }
      agencyId = receivers.get(0).id();
    } else {
      String wanted = agencyId;
      if (receivers.stream().noneMatch(a -> a.id().equals(wanted))) {
        throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "receivingAgencyId",
            "Procedure " + p.code() + " is not received at agency '" + wanted + "'");
      }
    }

    OnlineSubmission.Applicant a = s.applicant();
    if (a == null) {
      throw TextRules.missing("applicant", "Người nộp hồ sơ: họ tên và số điện thoại hoặc số định danh");
    }
    OnlineSubmission.Applicant checked = new OnlineSubmission.Applicant(
        TextRules.required(a.name(), "applicant.name", "Họ tên người nộp hồ sơ", Limits.PERSON_NAME),
        TextRules.optional(a.idNumber(), "applicant.idNumber", Limits.ID_NUMBER),
        TextRules.optional(a.phone(), "applicant.phone", Limits.PHONE),
        TextRules.optional(a.email(), "applicant.email", Limits.EMAIL),
        TextRules.optional(a.address(), "applicant.address", Limits.ADDRESS));
    a = checked;
    if (blankToNull(a.phone()) == null && blankToNull(a.idNumber()) == null) {
      throw ApiException.badRequest("applicant.phone", "applicant.phone or applicant.idNumber is required: the citizen "
          + "uses one of them to look the dossier up");
    }
    if (blankToNull(a.phone()) != null && !PHONE.matcher(a.phone().trim()).matches()) {
      throw ApiException.badRequest("applicant.phone", "applicant.phone '" + a.phone() + "' is not a phone number");
    }
    if (blankToNull(a.idNumber()) != null && !a.idNumber().trim().matches("[0-9A-Za-z]{6,20}")) {
      throw ApiException.badRequest("applicant.idNumber", "applicant.idNumber must be 6-20 letters or digits");
    }
    if (blankToNull(a.email()) != null && !EMAIL.matcher(a.email().trim()).matches()) {
      throw ApiException.badRequest("applicant.email", "applicant.email '" + a.email() + "' is not an e-mail address");
    }

    boolean paid = s.fee() != null && Boolean.TRUE.equals(s.fee().paid());
    String ref = s.fee() == null ? null : TextRules.optional(s.fee().transactionRef(), "fee.transactionRef", Limits.TRANSACTION_REF);
    if (paid && ref == null) {
      throw ApiException.badRequest("fee.transactionRef", "fee.transactionRef is required when fee.paid is true");
    }
    if (ref != null && ref.length() > 100) {
      throw ApiException.badRequest("fee.transactionRef", "fee.transactionRef is longer than 100 characters");
    }

    Set<String> given = new HashSet<>();
    for (OnlineSubmission.Upload f : files) {
      RequiredDocument component = p.documents().stream().filter(d -> d.id().equals(f.componentId())).findFirst()
          .orElseThrow(() -> ApiException.badRequest(f.field(), "Procedure " + p.code() + " has no component '"
              + f.componentId() + "'; its components are " + p.documents().stream().map(RequiredDocument::id).toList()));
      if (!given.add(f.componentId())) {
        throw ApiException.badRequest(f.field(), "Component '" + f.componentId() + "' is given twice");
      }
      if (f.bytes().length == 0) {
        throw ApiException.badRequest(f.field(), "The file of component '" + f.componentId() + "' is empty");
      }
      String type = f.contentType() == null ? "" : f.contentType().toLowerCase(Locale.ROOT).split(";")[0].trim();
      if (!component.contentTypes().contains(type)) {
        throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, f.field(), "Component '" + f.componentId() + "' accepts "
            + component.contentTypes() + ", not '" + type + "'");
      }
      if (f.bytes().length > component.maxSizeBytes()) {
        throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, f.field(), "The file of component '" + f.componentId() + "' has "
            + f.bytes().length + " bytes; at most " + component.maxSizeBytes() + " are accepted");
      }
    }
    for (RequiredDocument d : p.documents()) {
      if (d.required() && d.form() != DocumentForm.ORIGINAL_TO_SHOW && !given.contains(d.id())) {
        throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "documents[" + d.id() + "]",
            "Required document '" + d.id() + "' (" + d.name() + ") is missing");
      }
    }
    return new Checked(p, agencyId, level, paid, ref, checked);
  }

  private static OnlineLevel onlineLevel(String given, Procedure p) {
    if (given == null || given.isBlank()) {
      return p.onlineLevel();
    }
    OnlineLevel level;
    try {
      level = OnlineLevel.valueOf(given.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("onlineLevel", "onlineLevel must be FULL_PROCESS or PARTIAL, not '" + given + "'");
    }
    if (level == OnlineLevel.NONE) {
      throw ApiException.badRequest("onlineLevel", "onlineLevel must be FULL_PROCESS or PARTIAL");
    }
    if (level == OnlineLevel.FULL_PROCESS && p.onlineLevel() == OnlineLevel.PARTIAL) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "onlineLevel",
          "Procedure " + p.code() + " is offered online only partially (PARTIAL), not FULL_PROCESS");
    }
    return level;
  }

  /** The dossier a portal id names, as the portal sees it. */
  public Optional<OnlineDossierReceipt> find(String portalId) {
    return jdbc.query("select id, portal_dossier_id, code, status, submitted_at from onestop.dossier where portal_dossier_id = ?",
        rs -> rs.next() ? Optional.of(receipt(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5))) : Optional.empty(), portalId);
  }

  static OnlineDossierReceipt receipt(long id, String portalId, String code, String status, Timestamp submittedAt) {
    return new OnlineDossierReceipt(id, portalId, code, status, PlainStatus.of(status),
        submittedAt == null ? null : submittedAt.toInstant(), "/api/lookup/" + (code != null ? code : "REG-" + id), true);
  }

  /** Records a payment made later on the portal (POST /api/online-dossiers/{id}/payment). */
  /**
   * Records the payment of an online dossier; only the portal client that submitted the dossier may (any other
   * gets 404, as for an unknown dossier, issue 24).
   */
  public OnlineDossierReceipt recordPayment(String clientId, long dossierId, String transactionRef) {
    String ref = TextRules.required(transactionRef, "transactionRef", "Mã giao dịch thanh toán", Limits.TRANSACTION_REF);
    return transaction.execute(status -> {
      PaymentState row = queries.lockForPayment(dossierId).orElse(null);
      if (row == null || !"ONLINE".equals(row.channel()) || !submittedBy(clientId, row.processInstanceId())) {
        throw ApiException.notFound("No online dossier with id " + dossierId);
      }
      if (row.paid()) {
        if (row.transactionRef().isPresent() && !row.transactionRef().get().equals(ref)) {
          throw new ApiException(HttpStatus.CONFLICT, "transactionRef", "Dossier " + dossierId
              + " is already paid with another transaction");
        }
      } else {
        java.time.Instant now = time.now();
        register.feePaidOnline(dossierId, ref, now);
        row.processInstanceId().filter(id -> runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0)
            .ifPresent(id -> {
              runtimeService.setVariable(id, DossierVariables.FEE_PAID, true);
              runtimeService.setVariable(id, DossierVariables.FEE_TRANSACTION_REF, ref);
            });
      }
      return find(row.portalDossierId().orElseThrow()).orElseThrow();
    });
  }

  /** Whether the portal client submitted the dossier: its process kept the client id (variable portalClientId). */
  private boolean submittedBy(String clientId, Optional<?> processInstanceId) {
    if (clientId == null || processInstanceId.isEmpty()) {
      return false;
    }
    List<String> owners = jdbc.queryForList("select TEXT_ from ACT_HI_VARINST where PROC_INST_ID_ = ? and NAME_ = 'portalClientId'",
        String.class, processInstanceId.get());
    return owners.contains(clientId);
  }

  static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataIntegrityViolationException || (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  static String required(String value, String field, String what) {
    String v = blankToNull(value);
    if (v == null) {
      throw ApiException.badRequest(field, field + " is required: " + what);
    }
    return v;
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
