package vn.onestop.catalog;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.onestop.web.ApiException;

/** Public listing of the organisation (cơ cấu tổ chức): where to submit, who handles. No login. */
@RestController
@RequestMapping("/api/agencies")
public class AgencyController {

  private final Organisation organisation;

  public AgencyController(Organisation organisation) {
    this.organisation = organisation;
  }

  /** Every agency, including abolished ones (with validTo and successorId). */
  @GetMapping
  public List<Agency> list() {
    return organisation.all();
  }

  /** One agency. */
  @GetMapping("/{id}")
  public Agency one(@PathVariable String id) {
    return organisation.find(id).orElseThrow(() -> ApiException.notFound("No agency with id '" + id + "'"));
  }
}
