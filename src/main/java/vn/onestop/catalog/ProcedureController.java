package vn.onestop.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.onestop.web.ApiException;

/**
 * Public disclosure of the procedure catalogue (công khai TTHC, Decree 61/2018 Art. 14; plan target
 * 100 % disclosed). No login: the portal and the desk screens read it.
 */
@RestController
@RequestMapping("/api/procedures")
public class ProcedureController {

  private final ProcedureCatalog catalog;
  private final Organisation organisation;

  public ProcedureController(ProcedureCatalog catalog, Organisation organisation) {
    this.catalog = catalog;
    this.organisation = organisation;
  }

  /**
   * Procedures effective today, filtered.
   *
   * @param level  PROVINCE, DISTRICT or COMMUNE (case-insensitive)
   * @param field  lĩnh vực, e.g. "Hộ tịch" (diacritics optional)
   * @param agency agency id: procedures it receives or handles
   * @param q      free text over code, name and field (diacritics optional)
   * @param kind   PUBLIC (for citizens and businesses) or INTERNAL (TTHC nội bộ); both when absent
   */
  @GetMapping
  public List<Procedure> list(@RequestParam(required = false) String level,
      @RequestParam(required = false) String field,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String kind) {
    if (agency != null && organisation.find(agency).isEmpty()) {
      throw ApiException.badRequest("agency", "No agency with id '" + agency + "'; see GET /api/agencies");
    }
    ProcedureKind wanted = kind(kind);
    return catalog.search(new ProcedureFilter(level(level), blankToNull(field), agency, q, null)).stream()
        .filter(p -> wanted == null || p.kind() == wanted).toList();
  }

  private static ProcedureKind kind(String kind) {
    if (kind == null || kind.isBlank()) {
      return null;
    }
    try {
      return ProcedureKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("kind", "'" + kind + "' is not a kind; one of " + Arrays.toString(ProcedureKind.values()));
    }
  }

  /** The procedure's version effective today, or the given version. */
  @GetMapping("/{code}")
  public Procedure one(@PathVariable String code, @RequestParam(required = false) String version) {
    if (version != null) {
      return catalog.find(code, version).orElseThrow(() ->
          ApiException.notFound("Procedure " + code + " has no version '" + version + "'"));
    }
    return catalog.find(code).orElseThrow(() -> ApiException.notFound("No procedure with code '" + code + "' in force today"));
  }

  private static AgencyLevel level(String level) {
    if (level == null || level.isBlank()) {
      return null;
    }
    try {
      return AgencyLevel.valueOf(level.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("level", "'" + level + "' is not a level; one of " + Arrays.toString(AgencyLevel.values()));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
