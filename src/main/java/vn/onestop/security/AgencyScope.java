package vn.onestop.security;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.AgencyGroup;
import vn.onestop.catalog.AgencyRole;
import vn.onestop.catalog.Organisation;
import vn.onestop.catalog.ProcedureCatalog;
import vn.onestop.process.EngineTime;

/**
 * The one access rule of OneStop (phạm vi truy cập hồ sơ của cơ quan): who may read a dossier, decided
 * here once and applied by every side that shows dossiers - the engine's authorizations
 * ({@code identity.DossierAccess}, so Tasklist, Cockpit and {@code /engine-rest}), OneStop's staff API
 * ({@link StaffScope}), the reports ({@code report.SupervisorScope}) and the shared Tasklist filters
 * ({@code identity.TasklistFilters}).
 *
 * <p>A dossier has <em>reached</em> an agency when the agency
 * <ul>
 *   <li>received it (bộ phận tiếp nhận và trả kết quả), leads its handling (cơ quan chủ trì giải quyết,
 *       known at reception) or returns its result where the applicant chose (Decree 118/2025 Art. 14);</li>
 *   <li>handles one of its legs that <em>has started</em> (một cửa liên thông, Decree 61/2018 Art. 19.5-19.7):
 *       a later leg - e.g. the tax sub-department after the land registration branch - reaches the
 *       agency only when the dossier is transferred to it, not at reception;</li>
 *   <li>was asked for its opinion on it (lấy ý kiến, Art. 19.5).</li>
 * </ul>
 * Every group of an agency the dossier has reached reads it, and so do the supervisors (giám sát) of
 * each agency above: a district supervisor reads the dossiers of the district's communes. After a
 * reorganisation (sắp xếp tổ chức, the 2025 reform) an agency's successor reads what the agency read.
 * Administrators ({@value #ADMINISTRATORS}) read everything.
 */
@Component
public class AgencyScope {

  /** Camunda's administrators group. */
  public static final String ADMINISTRATORS = "camunda-admin";

  private final Organisation organisation;
  private final JdbcTemplate jdbc;
  private final EngineTime time;

  public AgencyScope(Organisation organisation, JdbcTemplate jdbc, EngineTime time) {
    this.organisation = organisation;
    this.jdbc = jdbc;
    this.time = time;
  }

  // ------------------------------------------------------------------ from the dossier's side

  /**
   * The groups that read the dossiers an agency has been reached by: every group of the agency and the
   * supervisors of each agency above it. Empty for an unknown agency. The engine grants READ to these.
   */
  public Set<String> readerGroups(String agencyId) {
    Set<String> groups = new LinkedHashSet<>();
    if (agencyId == null || organisation.find(agencyId).isEmpty()) {
      return groups;
    }
    organisation.groups().stream().filter(g -> g.agencyId().equals(agencyId)).map(AgencyGroup::id).forEach(groups::add);
    addSupervisorsAbove(organisation.get(agencyId), groups);
    return groups;
  }

  /** Adds the supervisors group of every agency above this one. */
  private void addSupervisorsAbove(Agency agency, Set<String> groups) {
    Set<String> seen = new LinkedHashSet<>();
    while (agency.parentId() != null && seen.add(agency.parentId())) {
      agency = organisation.get(agency.parentId());
      groups.add(agency.supervisorsGroup());
    }
  }

  /**
   * The supervisors who read a task offered to these groups (its candidate groups): the supervisors
   * (giám sát) of each candidate group's agency and of every agency above it - the groups whose
   * {@link #agenciesReadBy subtree} holds the task's agency. They read it only: claiming and completing
   * stay with the candidates. Groups of no agency (e.g. {@code designers}) add nothing.
   */
  public Set<String> taskSupervisorGroups(Collection<String> candidateGroups) {
    Set<String> supervisors = new LinkedHashSet<>();
    for (AgencyRole role : AgencyRole.values()) {
      for (String agencyId : organisation.agenciesOf(candidateGroups, role)) {
        Agency agency = organisation.get(agencyId);
        supervisors.add(agency.supervisorsGroup());
        addSupervisorsAbove(agency, supervisors);
      }
    }
    return supervisors;
  }

  /**
   * The agencies a dossier (register id) has reached: receiving and lead agency, the agencies of its
   * legs that have started (in any round), and the agencies consulted.
   */
  public Set<String> agenciesReached(long dossierId) {
    return reached("d.id = ?", dossierId);
  }

  /** The agencies any dossier of this applicant (national ID number) has reached. */
  public Set<String> agenciesReachedByApplicant(String idNumber) {
    return reached("d.applicant_id_number = ?", idNumber.trim());
  }

  private Set<String> reached(String dossiers, Object key) {
    List<String> reached = jdbc.queryForList("""
        select d.receiving_agency_id from onestop.dossier d where %1$s
        union select d.handling_agency_id from onestop.dossier d where %1$s and d.handling_agency_id is not null
        union select d.return_agency_id from onestop.dossier d where %1$s and d.return_agency_id is not null
        union select l.agency_id from onestop.dossier_leg l join onestop.dossier d on d.id = l.dossier_id
          where %1$s and (l.started_at is not null or l.rounds > 0)
        union select c.agency_id from onestop.consultation c join onestop.dossier d on d.id = c.dossier_id
          where %1$s""".formatted(dossiers), String.class, key, key, key, key, key);
    return new LinkedHashSet<>(reached);
  }

  // ------------------------------------------------------------------ from the staff member's side

  /**
   * The agencies whose dossiers the holder of these groups reads: the agencies of her groups (any role),
   * for a supervisors group the whole subtree, and what those agencies took over in a reorganisation.
   * {@code null} for an administrator (everything). The inverse of {@link #readerGroups}.
   */
  public Set<String> agenciesReadBy(Collection<String> groups) {
    if (groups.contains(ADMINISTRATORS)) {
      return null;
    }
    Set<String> scope = new LinkedHashSet<>();
    for (AgencyRole role : AgencyRole.values()) {
      for (String agency : organisation.agenciesOf(groups, role)) {
        if (role == AgencyRole.SUPERVISORS) {
          scope.addAll(organisation.subtree(agency));
        } else {
          scope.add(agency);
        }
      }
    }
    return organisation.withPredecessors(scope, today());
  }

  /** Whether the holder of these groups reads the dossier (register id). */
  public boolean reads(Collection<String> groups, long dossierId) {
    Set<String> scope = agenciesReadBy(groups);
    if (scope == null || agenciesReached(dossierId).stream().anyMatch(scope::contains)) {
      return true;
    }
    return successorsFor(dossierId).stream().anyMatch(scope::contains);
  }

  /**
   * The agencies that took a dossier over from the stopped agencies it had reached, chosen by its
   * territory and procedure (successors by area and by procedure, the 2025 reform): the new commune's
   * staff read the former district's dossiers of their area.
   */
  private Set<String> successorsFor(long dossierId) {
    Set<String> successors = new LinkedHashSet<>();
    List<java.util.Map<String, Object>> place = jdbc.queryForList(
        "select procedure_code, territory_agency_id, receiving_agency_id from onestop.dossier where id = ?", dossierId);
    if (place.isEmpty()) {
      return successors;
    }
    String territory = organisation.territoryOf((String) place.get(0).get("territory_agency_id"),
        (String) place.get(0).get("receiving_agency_id"));
    String procedure = (String) place.get(0).get("procedure_code");
    for (String agency : agenciesReached(dossierId)) {
      if (organisation.find(agency).isPresent()) {
        successors.add(organisation.successorFor(agency, today(), territory, procedure).id());
      }
    }
    return successors;
  }

  /**
   * Whether the holder of these groups may see the applicant's data store (kho dữ liệu điện tử của
   * tổ chức, cá nhân, Decree 45/2020): only while a dossier of that applicant has reached one of her
   * agencies - the clerk receiving it, the agencies handling it - never by ID number alone.
   */
  public boolean readsApplicant(Collection<String> groups, String idNumber) {
    Set<String> scope = agenciesReadBy(groups);
    return scope == null || agenciesReachedByApplicant(idNumber).stream().anyMatch(scope::contains);
  }

  /**
   * The agencies a supervisor oversees in reports: the subtrees of the agencies in whose supervisors
   * group she is, with what they took over. {@code null} for an administrator; empty for anyone else.
   */
  public Set<String> supervisedBy(Collection<String> groups) {
    if (groups.contains(ADMINISTRATORS)) {
      return null;
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String root : supervisedRoots(groups)) {
      ids.addAll(supervisedFrom(root));
    }
    return ids;
  }

  /** The agency's subtree with what its agencies took over: what a supervisor of it oversees. */
  public Set<String> supervisedFrom(String agencyId) {
    return organisation.withPredecessors(organisation.subtree(agencyId), today());
  }

  /** Agencies in whose supervisors group the holder of these groups is. */
  public Set<String> supervisedRoots(Collection<String> groups) {
    return organisation.agenciesOf(groups, AgencyRole.SUPERVISORS);
  }

  /** The groups of the given roles at every agency: who a shared Tasklist filter is for. */
  public Set<String> staffGroups(Set<AgencyRole> roles) {
    Set<String> groups = new LinkedHashSet<>();
    for (AgencyGroup group : organisation.groups()) {
      if (roles.contains(group.role())) {
        groups.add(group.id());
      }
    }
    return groups;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(time.now(), ProcedureCatalog.VIETNAM);
  }
}
