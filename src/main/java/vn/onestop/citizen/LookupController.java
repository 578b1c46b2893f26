package vn.onestop.citizen;

import vn.onestop.process.EngineTime;
import org.springframework.http.ProblemDetail;
import vn.onestop.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.onestop.document.DocumentContent;

/**
 * Public look-up and rating for citizens (no login, no session): {@code GET /api/lookup/{code}} with
 * the secret in header {@code X-Lookup-Secret} (kept out of URLs and access logs), the apology slip,
 * and {@code POST /api/lookup/{code}/rating}.
 */
@RestController
@RequestMapping("/api/lookup")
public class LookupController {

  static final String SECRET = "X-Lookup-Secret";

  private final CitizenLookup lookup;
  private final ClientAddress addresses;

  public LookupController(CitizenLookup lookup, ClientAddress addresses) {
    this.lookup = lookup;
    this.addresses = addresses;
  }

  @GetMapping("/{code}")
  public ResponseEntity<DossierStatus> status(@PathVariable String code,
      @RequestHeader(name = SECRET, required = false) String secret, HttpServletRequest request) {
    return ResponseEntity.ok().cacheControl(org.springframework.http.CacheControl.noStore())
        .body(lookup.status(code, secret, addresses.of(request)));
  }

  @GetMapping("/{code}/apology.pdf")
  public ResponseEntity<byte[]> apology(@PathVariable String code,
      @RequestHeader(name = SECRET, required = false) String secret, HttpServletRequest request) {
    DocumentContent slip = lookup.apologySlip(code, secret, addresses.of(request));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("phieu-xin-loi.pdf").build().toString())
        .cacheControl(org.springframework.http.CacheControl.noStore())
        .body(slip.bytes());
  }

  /** Body of a rating: the same secret as the look-up, the level and an optional comment. */
  public record RatingRequest(String secret, String rating, String comment) {}

  @PostMapping(path = "/{code}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
  public DossierStatus rate(@PathVariable String code, @RequestBody RatingRequest body, HttpServletRequest request) {
    return lookup.rate(code, body == null ? null : body.secret(), addresses.of(request),
        body == null ? null : body.rating(), body == null ? null : body.comment());
  }

  @ExceptionHandler(CitizenLookup.ThrottledException.class)
  ResponseEntity<ProblemDetail> throttled(CitizenLookup.ThrottledException e, HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).contentType(Problems.PROBLEM_JSON)
        .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), null, request.getRequestURI()));
  }
}
