package vn.onestop.citizen;

import vn.onestop.web.JsonProblems;
import vn.onestop.web.Limits;
import vn.onestop.web.TextRules;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.onestop.web.ApiException;

/**
 * The online-submission API a provincial / national portal calls (machine clients only, see
 * {@link PortalApiAuthentication}). Two forms of the same request:
 * <ul>
 *   <li>{@code application/json}: the {@link OnlineSubmission} with the documents in base64;</li>
 *   <li>{@code multipart/form-data}: a part {@code dossier} holding the same JSON (without documents)
 *       and one file part per component, named by the component id.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/online-dossiers")
public class OnlineDossierController {

  private final OnlineSubmissions submissions;
  private final ObjectMapper json;
  private final CitizenProperties properties;

  public OnlineDossierController(OnlineSubmissions submissions, ObjectMapper json, CitizenProperties properties) {
    this.submissions = submissions;
    this.json = json;
    this.properties = properties;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<OnlineDossierReceipt> submitJson(HttpServletRequest request) throws IOException {
    byte[] body = readLimited(request.getInputStream(), properties.maxJsonSize().toBytes());
    OnlineSubmission s = parse(body, "body");
    List<OnlineSubmission.Upload> files = new ArrayList<>();
    List<OnlineSubmission.Document> documents = s.documents() == null ? List.of() : s.documents();
    for (int i = 0; i < documents.size(); i++) {
      OnlineSubmission.Document d = documents.get(i);
      String field = "documents[" + i + "]";
      if (d == null) {
        throw TextRules.missing(field, "Thành phần hồ sơ");
      }
      String componentId = TextRules.required(d.componentId(), field + ".componentId", "Mã thành phần hồ sơ", Limits.COMPONENT_ID);
      String contentType = TextRules.optional(d.contentType(), field + ".contentType", Limits.CONTENT_TYPE);
      if (d.contentBase64() == null) {
        throw ApiException.badRequest(field + ".contentBase64", field + ".contentBase64 is required");
      }
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(d.contentBase64().replaceAll("\\s", ""));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(field + ".contentBase64", field + ".contentBase64 is not valid base64");
      }
      files.add(new OnlineSubmission.Upload(componentId, fileName(d.fileName(), componentId), contentType,
          bytes, "documents[" + componentId + "]"));
    }
    return answer(request, s, files);
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<OnlineDossierReceipt> submitMultipart(MultipartHttpServletRequest request) throws IOException {
    String dossier = request.getParameter("dossier");
    MultipartFile dossierFile = request.getFile("dossier");
    if (dossier == null && dossierFile != null) {
      dossier = new String(dossierFile.getBytes(), StandardCharsets.UTF_8);
    }
    if (dossier == null || dossier.isBlank()) {
      throw ApiException.badRequest("dossier", "Part 'dossier' (the submission as JSON) is required");
    }
    OnlineSubmission s = parse(dossier.getBytes(StandardCharsets.UTF_8), "dossier");
    if (s.documents() != null && !s.documents().isEmpty()) {
      throw ApiException.badRequest("documents", "In a multipart request send each document as a file part named by its component id");
    }
    List<OnlineSubmission.Upload> files = new ArrayList<>();
    for (Map.Entry<String, List<MultipartFile>> part : request.getMultiFileMap().entrySet()) {
      if (part.getKey().equals("dossier")) {
        continue;
      }
      String componentId = TextRules.required(part.getKey(), "documents", "Mã thành phần hồ sơ (tên phần multipart)",
          Limits.COMPONENT_ID);
      for (MultipartFile f : part.getValue()) {
        TextRules.optional(f.getContentType(), "documents[" + componentId + "].contentType", Limits.CONTENT_TYPE);
        files.add(new OnlineSubmission.Upload(part.getKey(), fileName(f.getOriginalFilename(), part.getKey()), f.getContentType(),
            f.getBytes(), "documents[" + part.getKey() + "]"));
      }
    }
    return answer(request, s, files);
  }

  /** A payment made on the portal after submission (thanh toán trực tuyến, Decree 61/2018 Art. 22). */
  @PostMapping(path = "/{dossierId}/payment", consumes = MediaType.APPLICATION_JSON_VALUE)
  public OnlineDossierReceipt payment(HttpServletRequest request, @PathVariable long dossierId, @RequestBody Payment payment) {
    // Issue 24: a portal pays only for the dossiers it submitted itself.
    return submissions.recordPayment((String) request.getAttribute(PortalApiAuthentication.CLIENT_ID), dossierId,
        payment == null ? null : payment.transactionRef());
  }

  /** Body of the payment callback. */
  public record Payment(String transactionRef) {}

  private ResponseEntity<OnlineDossierReceipt> answer(HttpServletRequest request, OnlineSubmission s,
      List<OnlineSubmission.Upload> files) {
    String client = (String) request.getAttribute(PortalApiAuthentication.CLIENT_ID);
    OnlineSubmissions.Outcome outcome = submissions.submit(client, s, files);
    return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.receipt());
  }

  private OnlineSubmission parse(byte[] body, String where) {
    if (body.length == 0) {
      throw ApiException.badRequest(where, "The request " + where + " is empty; send the submission as JSON");
    }
    try {
      OnlineSubmission s = json.readValue(body, OnlineSubmission.class);
      if (s == null) {
        throw ApiException.badRequest(where, "The request " + where + " is not a JSON object");
      }
      return s;
    } catch (IOException e) {
      // Jackson's own text names Java types; JsonProblems says what is wrong by the JSON path, in Vietnamese
      JsonProblems.Described d = JsonProblems.describe(e, where);
      throw ApiException.badRequest(d.field(), d.detail());
    }
  }

  /** Normalised (NFC, no path or control characters) and shortened to {@link Limits#FILE_NAME}, extension kept. */
  private static String fileName(String given, String componentId) {
    return TextRules.fileName(given, componentId);
  }

  /**
   * Reads at most {@code limit} bytes; beyond that, reads the rest away (so the client sees the answer
   * rather than a reset connection) and answers 413. Tomcat limits only form posts, not JSON bodies.
   */
  static byte[] readLimited(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total <= limit) {
        out.write(buffer, 0, n);
      } else if (total > 4 * limit) {
        break;
      }
    }
    if (total > limit) {
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "body", "The request body has more than " + limit
          + " bytes (onestop.portal.max-json-size); send large documents as multipart");
    }
    return out.toByteArray();
  }
}
