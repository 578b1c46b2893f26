package vn.onestop.signing;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which agency issues a paper (whose staff and seal sign it), as the forms print it: the handling
 * agency for the result, the agency that asked for the supplement or wrote the apology, the receiving
 * agency for the other slips and the certified copy.
 */
@Component
public class PaperAgencies {

  private final JdbcTemplate jdbc;

  public PaperAgencies(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public String agencyFor(long dossierId, Paper paper) {
    String sql = switch (paper) {
      case RESULT -> "SELECT coalesce(handling_agency_id, receiving_agency_id) FROM onestop.dossier WHERE id = ?";
      case SUPPLEMENT_REQUEST -> "SELECT coalesce((SELECT agency_id FROM onestop.supplement_request WHERE dossier_id = d.id"
          + " ORDER BY requested_at DESC, id DESC LIMIT 1), d.receiving_agency_id) FROM onestop.dossier d WHERE d.id = ?";
      case APOLOGY -> "SELECT coalesce((SELECT agency_id FROM onestop.apology WHERE dossier_id = d.id LIMIT 1),"
          + " d.handling_agency_id, d.receiving_agency_id) FROM onestop.dossier d WHERE d.id = ?";
      default -> "SELECT receiving_agency_id FROM onestop.dossier WHERE id = ?";
    };
    List<String> found = jdbc.queryForList(sql, String.class, dossierId);
    if (found.isEmpty() || found.get(0) == null) {
      throw new IllegalArgumentException("Dossier " + dossierId + " has no agency to issue " + paper);
    }
    return found.get(0);
  }
}
