package vn.onestop.signing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.onestop.security.StaffScope;
import vn.onestop.web.ApiException;

/**
 * The papers that could not be produced or signed, for supervisors (staff login):
 * {@code GET /api/staff/papers/failed} lists jobs that failed every attempt or are still retrying
 * after a failure (the error says why: token missing, certificate expired…), within the caller's
 * agencies; {@code POST /api/staff/papers/jobs/{id}/retry} tries a failed one again.
 */
@RestController
@RequestMapping("/api/staff/papers")
public class PaperJobController {

  private final PaperQueue queue;
  private final StaffScope scope;

  public PaperJobController(PaperQueue queue, StaffScope scope) {
    this.queue = queue;
    this.scope = scope;
  }

  @GetMapping("/failed")
  public List<Map<String, Object>> failed() {
    Set<String> agencies = scope.agencies();
    return queue.troubled().stream().filter(j -> agencies == null || agencies.contains((String) j.get("agency_id"))).toList();
  }

  @PostMapping("/jobs/{id}/retry")
  public Map<String, Object> retry(@PathVariable long id) {
    Map<String, Object> job = queue.troubled().stream().filter(j -> ((Number) j.get("id")).longValue() == id).findFirst()
        .orElseThrow(() -> ApiException.notFound("No failed paper job " + id));
    scope.requireAgency((String) job.get("agency_id"));
    if (!queue.retry(id)) {
      throw new ApiException(HttpStatus.CONFLICT, "id", "Paper job " + id + " is not FAILED");
    }
    return Map.of("id", id, "status", "RETRIED");
  }
}
