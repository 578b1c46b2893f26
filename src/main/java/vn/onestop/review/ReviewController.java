package vn.onestop.review;

import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.catalog.Organisation;
import vn.onestop.process.EngineTime;
import vn.onestop.security.StaffScope;
import vn.onestop.web.ApiException;

/**
 * The review of procedures for staff (rà soát, đánh giá TTHC; login as for {@code /api/reports}):
 * launch the yearly plan, follow its progress against the plan's targets, export a review report.
 */
@RestController
@RequestMapping("/api/review")
public class ReviewController {

  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final ReviewProgress progress;
  private final ReviewLaunch launch;
  private final ReviewReportDocx docx;
  private final Organisation organisation;
  private final StaffScope scope;
  private final EngineTime time;
  private final IdentityService identity;

  public ReviewController(ReviewProgress progress, ReviewLaunch launch, ReviewReportDocx docx, Organisation organisation,
      StaffScope scope, EngineTime time, IdentityService identity) {
    this.identity = identity;
    this.progress = progress;
    this.launch = launch;
    this.docx = docx;
    this.organisation = organisation;
    this.scope = scope;
    this.time = time;
  }

  /**
   * Progress of the year's review plan: per agency and in total, the procedures in scope, reviewed
   * (internal ones separately), proposed for simplification and accepted, overdue reviews, yearly
   * compliance cost before the proposals and their saving, with the plan's three targets (review ≥ 50 %
   * of internal procedures, propose simplifying ≥ 20 %, cut ≥ 20 % of compliance cost).
   *
   * @param year   plan year, default this year
   * @param agency an agency id: its subtree only; default the whole organisation (administrators) or
   *               the caller's own agency
   * @param on     the day whose catalogue says which procedures are in scope, default today
   */
  @GetMapping("/progress")
  public ReviewProgress.Progress progress(@RequestParam(required = false) Integer year,
      @RequestParam(required = false) String agency, @RequestParam(required = false) LocalDate on) {
    LocalDate today = time.now().atZone(WorkingCalendar.ZONE).toLocalDate();
    if (agency != null) {
      if (organisation.find(agency).isEmpty()) {
        throw ApiException.badRequest("agency", "No agency with id '" + agency + "'; see GET /api/agencies");
      }
      scope.requireAgency(agency);
    } else if (scope.agencies() != null) {
      throw ApiException.badRequest("agency", "Give the agency whose progress you follow (one within your scope)");
    }
    int y = year == null ? today.getYear() : year;
    if (y < 2000 || y > 2100) {
      throw ApiException.badRequest("year", "Year " + y + " is out of range");
    }
    return progress.progress(y, on == null ? today : on, agency);
  }

  /**
   * Launches the year's review plan: stores it (deadline, reminder lead in working days) and starts one
   * review per procedure assigned to each agency. Every agency named must be within the caller's scope.
   */
  @PostMapping("/plans")
  public List<ReviewLaunch.Started> launch(@RequestBody ReviewLaunch.PlanRequest request) {
    if (request.assignments() != null) {
      request.assignments().stream().filter(a -> a.agencyId() != null && organisation.find(a.agencyId()).isPresent())
          .forEach(a -> scope.requireAgency(a.agencyId()));
    }
    // The caller's right is the agency scope checked above; starting the instances is the system's doing
    // (supervisors hold no CREATE right on process instances in the engine's authorizations).
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return launch.launch(request);
    } catch (ReviewInputException e) {
      throw ApiException.badRequest(e.field(), e.getMessage());
    } finally {
      identity.setAuthentication(caller);
    }
  }

  /** The review report for signature (DOCX) of one review. */
  @GetMapping("/reviews/{id}/report.docx")
  public ResponseEntity<byte[]> report(@PathVariable long id) {
    scope.requireAgency(docx.agencyOf(id).orElseThrow(() -> ApiException.notFound("No review " + id)));
    byte[] body;
    try {
      body = docx.render(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound(e.getMessage());
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(DOCX))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("bao-cao-ra-soat-" + id + ".docx").build().toString())
        .body(body);
  }
}
