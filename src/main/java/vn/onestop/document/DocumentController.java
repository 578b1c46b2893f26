package vn.onestop.document;

import vn.onestop.process.EngineTime;
import vn.onestop.web.TextRules;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.onestop.security.StaffUser;
import vn.onestop.security.StaffScope;
import vn.onestop.web.ApiException;

/**
 * Staff API for dossier documents ({@code /api/documents/**}, HTTP Basic via StaffApiAuthentication):
 * upload component scans, list and download files (checksum verified), print slips and the log book,
 * offer and reuse documents of the applicant's data store.
 */
@RestController
@RequestMapping("/api/documents")
class DocumentController {

  record ReuseRequest(Long documentId, Long dossierId, String componentId) {}

  /** Types shown in the browser with {@code inline=true}; anything else is always a download. */
  static final java.util.Set<String> VIEWABLE = java.util.Set.of("application/pdf", "image/png", "image/jpeg");

  private final DocumentStore documents;
  private final Digitisation digitisation;
  private final Slips slips;
  private final ApplicantDataStore dataStore;
  private final IdentityService identityService;
  private final StaffScope scope;
  private final LogBook logBook;

  DocumentController(DocumentStore documents, Digitisation digitisation, Slips slips, ApplicantDataStore dataStore,
      IdentityService identityService, StaffScope scope, LogBook logBook) {
    this.scope = scope;
    this.logBook = logBook;
    this.documents = documents;
    this.digitisation = digitisation;
    this.slips = slips;
    this.dataStore = dataStore;
    this.identityService = identityService;
  }

  @PostMapping(path = "/dossiers/{dossierId}/components/{componentId}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<StoredDocument> upload(@PathVariable long dossierId, @PathVariable String componentId,
      @RequestParam("file") MultipartFile file,
      @RequestParam(name = "origin", defaultValue = "ORIGINAL_SCAN") DocumentOrigin origin,
      @RequestParam(name = "validUntil", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil)
      throws IOException {
    dossier(dossierId);
    if (origin == DocumentOrigin.REUSED) {
      throw ApiException.badRequest("origin", "Tài liệu dùng lại từ kho dữ liệu của người nộp được thêm bằng chức năng dùng lại, không tải lên");
    }
    String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? componentId : file.getOriginalFilename();
    StoredDocument stored = digitisation.upload(dossierId, componentId, name, file.getContentType(), file.getBytes(), origin,
        validUntil, actor());
    return ResponseEntity.status(HttpStatus.CREATED).body(stored);
  }

  @GetMapping("/dossiers/{dossierId}")
  List<StoredDocument> forDossier(@PathVariable long dossierId) {
    dossier(dossierId);
    return documents.forDossier(dossierId);
  }

  @GetMapping("/dossiers/{dossierId}/missing")
  Map<String, List<String>> missing(@PathVariable long dossierId) {
    dossier(dossierId);
    return Map.of("missing", digitisation.missingComponents(dossierId));
  }

  @PostMapping("/dossiers/{dossierId}/digitised")
  Map<String, Object> confirm(@PathVariable long dossierId) {
    dossier(dossierId);
    digitisation.confirm(dossierId, actor());
    return Map.of("dossierId", dossierId, "digitised", true);
  }

  @GetMapping("/{documentId}")
  StoredDocument metadata(@PathVariable long documentId) {
    return visibleDocument(documentId);
  }

  /**
   * The file, as a download; with {@code inline=true} to be viewed in the browser (xem trực tiếp) - only a PDF or an
   * image, the types a browser shows without running anything.
   */
  @GetMapping("/{documentId}/content")
  ResponseEntity<byte[]> content(@PathVariable long documentId,
      @RequestParam(name = "inline", defaultValue = "false") boolean inline) {
    visibleDocument(documentId);
    return file(documents.read(documentId), inline);
  }

  private ObjectProvider<PendingPapers> pending;

  @Autowired
  void setPendingPapers(ObjectProvider<PendingPapers> pending) {
    this.pending = pending;
  }

  /**
   * The latest printed version of a slip; papers a step issued but the worker has not produced yet are
   * produced now; printed now if it never was. {@code 02} is for the latest supplement request.
   */
  @GetMapping("/dossiers/{dossierId}/slips/{form}")
  ResponseEntity<byte[]> slip(@PathVariable long dossierId, @PathVariable String form,
      @RequestParam(name = "inline", defaultValue = "false") boolean inline) {
    dossier(dossierId);
    if (pending != null) {
      pending.ifAvailable(p -> p.produceNow(dossierId));
    }
    StoredDocument doc = slips.latest(dossierId, form).orElseGet(() -> print(dossierId, form));
    return file(documents.read(doc.id()), inline);
  }

  /** Prints a slip again (a new version) from the register as it is now. */
  @PostMapping("/dossiers/{dossierId}/slips/{form}")
  ResponseEntity<StoredDocument> reprint(@PathVariable long dossierId, @PathVariable String form) {
    dossier(dossierId);
    return ResponseEntity.status(HttpStatus.CREATED).body(print(dossierId, form));
  }

  @GetMapping("/log-book")
  ResponseEntity<byte[]> logBook(@RequestParam String agency,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    actor();
    scope.requireAgency(agency);
    byte[] pdf = logBook.print(agency, from, to);
    return pdf(pdf, "so-theo-doi-" + agency + "-" + from + "-" + to + ".pdf");
  }

  @GetMapping("/applicants/{idNumber}/reusable")
  List<StoredDocument> reusable(@PathVariable String idNumber,
      @RequestParam(name = "on", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
    actor();
    scope.requireApplicant(idNumber);
    return dataStore.reusable(idNumber, on != null ? on : LocalDate.now(EngineTime.ZONE));
  }

  @PostMapping("/applicants/reuse")
  ResponseEntity<StoredDocument> reuse(@RequestBody ReuseRequest request) {
    String actor = actor();
    if (request.documentId() == null) {
      throw ApiException.badRequest("documentId", "Chưa chọn tài liệu cần dùng lại (documentId)");
    }
    if (request.dossierId() == null) {
      throw ApiException.badRequest("dossierId", "Chưa chọn hồ sơ (dossierId)");
    }
    dossier(request.dossierId());
    if (request.componentId() == null || request.componentId().isBlank()) {
      throw ApiException.badRequest("componentId", "Chưa chọn thành phần hồ sơ (componentId)");
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(dataStore.reuse(request.documentId(), request.dossierId(), request.componentId(), actor));
  }

  private StoredDocument print(long dossierId, String form) {
    return switch (form) {
      case "01" -> slips.receipt(dossierId);
      case "02" -> slips.supplementRequest(latestSupplementRequest(dossierId));
      case "03" -> slips.refusal(dossierId);
      case "04" -> slips.apology(dossierId);
      case "05" -> slips.processControl(dossierId);
      case "stop-notice" -> slips.stopNotice(dossierId);
      default -> throw ApiException.badRequest("form", "Phiếu là 01 (tiếp nhận), 02 (bổ sung), 03 (từ chối), 04 (xin lỗi),"
          + " 05 (kiểm soát quá trình) hoặc stop-notice (thông báo dừng giải quyết)");
    };
  }

  private long latestSupplementRequest(long dossierId) {
    return slips.latestSupplementRequestId(dossierId).orElseThrow(() -> ApiException.notFound(
        "Hồ sơ chưa có yêu cầu bổ sung nên chưa có phiếu mẫu 02"));
  }

  /** The dossier must be one of the caller's agencies' (as "not found" otherwise, like an unknown id). */
  private void dossier(long dossierId) {
    actor();
    scope.requireDossier(dossierId, "#" + dossierId);
  }

  /** A document of a dossier outside the caller's scope answers like an unknown one. */
  private StoredDocument visibleDocument(long documentId) {
    actor();
    StoredDocument doc = documents.get(documentId);
    if (doc.dossierId() != null && !scope.canSeeDossier(doc.dossierId())) {
      throw ApiException.notFound("Không tìm thấy tài liệu số " + documentId);
    }
    return doc;
  }

  private String actor() {
    return StaffUser.current(identityService).map(StaffUser::userId)
        .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, null, "Cần đăng nhập bằng tài khoản cán bộ"));
  }

  private static ResponseEntity<byte[]> file(DocumentContent content, boolean inline) {
    StoredDocument d = content.document();
    ContentDisposition.Builder disposition = inline && VIEWABLE.contains(d.contentType())
        ? ContentDisposition.inline() : ContentDisposition.attachment();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(d.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition
            .filename(TextRules.fileName(d.fileName(), "tep"), java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-SHA256", d.sha256())
        .body(content.bytes());
  }

  private static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(bytes);
  }
}
