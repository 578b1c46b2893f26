package vn.onestop.catalog;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The organisation (cơ cấu tổ chức): agencies of the province, district and communes, which one-stop
 * department (Bộ phận Một cửa, Decree 61/2018 Art. 3.3 and 7) receives for each, and the Camunda groups
 * derived from them. Read-only after start-up.
 *
 * <p>Abolished agencies (the districts after the 2025 reform) stay here with their {@code validTo} and
 * {@code successorId}, so old dossier codes and reports keep resolving; {@link #successorOn} follows
 * the chain to the agency that holds the competence on a given day.
 */
@Component
public class Organisation {

  private final Map<String, Agency> byId;
  private final Map<String, List<Agency>> childrenById;
  private final List<Agency> ordered;

  public Organisation(CatalogFiles files) {
    Map<String, Agency> agencies = new LinkedHashMap<>();
    Map<String, List<Agency>> children = new LinkedHashMap<>();
    for (Agency a : files.agencies()) {
      agencies.put(a.id(), a);
      children.computeIfAbsent(a.id(), k -> new ArrayList<>());
    }
    for (Agency a : files.agencies()) {
      if (a.parentId() != null) {
        children.get(a.parentId()).add(a);
      }
    }
    children.replaceAll((k, v) -> List.copyOf(v));
    this.byId = Map.copyOf(agencies);
    this.childrenById = Map.copyOf(children);
    this.ordered = List.copyOf(agencies.values());
  }

  /** The agency with this id, whether or not it still operates. */
  public Optional<Agency> find(String agencyId) {
    return Optional.ofNullable(agencyId == null ? null : byId.get(agencyId));
  }

  /**
   * The agency with this id.
   *
   * @throws IllegalArgumentException naming the id when there is none
   */
  public Agency get(String agencyId) {
    return find(agencyId).orElseThrow(() -> new IllegalArgumentException("No agency with id '" + agencyId + "' in the organisation"));
  }

  /** All agencies in file order (parents are not necessarily before children). */
  public List<Agency> all() {
    return ordered;
  }

  /** Agencies operating on the given day. */
  public List<Agency> activeOn(LocalDate day) {
    return ordered.stream().filter(a -> a.activeOn(day)).toList();
  }

  /** Agencies of the given kind (e.g. {@code commune}). */
  public List<Agency> ofKind(String kind) {
    return ordered.stream().filter(a -> kind.equals(a.kind())).toList();
  }

  /** Direct children of the agency. */
  public List<Agency> children(String agencyId) {
    get(agencyId);
    return childrenById.get(agencyId);
  }

  /** Ids of the agency and everything below it, breadth first, the agency itself first. */
  public Set<String> subtree(String agencyId) {
    get(agencyId);
    Set<String> ids = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(agencyId));
    while (!queue.isEmpty()) {
      String id = queue.removeFirst();
      if (ids.add(id)) {
        childrenById.get(id).forEach(c -> queue.addLast(c.id()));
      }
    }
    return ids;
  }

  /** The one-stop department that receives and returns dossiers for this agency. */
  public Agency oneStopFor(String agencyId) {
    return get(get(agencyId).oneStopId());
  }

  /**
   * The agency holding this agency's competence on the given day: itself while it operates, else its
   * successor (followed as far as needed). Used to route new dossiers after a reorganisation.
   */
  public Agency successorOn(String agencyId, LocalDate day) {
    return successorFor(agencyId, day, null, null);
  }

  /**
   * The agency holding this agency's competence on the given day for one dossier: itself while it
   * operates, else the successor by the dossier's territory or procedure ({@link Agency#successorFor}),
   * followed as far as needed. A district's open land dossier goes to the new commune of its
   * territory, or to the provincial department that took the procedure over.
   *
   * @param territoryId   the dossier's territory (applicant's or property's commune), or {@code null}
   * @param procedureCode the dossier's procedure, or {@code null}
   */
  public Agency successorFor(String agencyId, LocalDate day, String territoryId, String procedureCode) {
    Agency a = get(agencyId);
    Set<String> seen = new LinkedHashSet<>();
    while (stopped(a, day) && seen.add(a.id())) {
      String next = a.successorFor(territoryId, procedureCode);
      if (next == null) {
        break;
      }
      a = get(next);
    }
    return a;
  }

  /** Whether the agency had stopped before the day (its successor takes its work). */
  private static boolean stopped(Agency a, LocalDate day) {
    return !a.activeOn(day) && a.validTo() != null && day.isAfter(a.validTo());
  }

  /** Whether the agency lies in the area ({@code areaId} itself or one of its parents is it). */
  public boolean within(String agencyId, String areaId) {
    Set<String> seen = new LinkedHashSet<>();
    for (Agency a = get(agencyId); a != null && seen.add(a.id()); a = a.parentId() == null ? null : get(a.parentId())) {
      if (a.id().equals(areaId)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The province an agency belongs to: the PROVINCE-level people's committee above its area (an agency
   * of a province itself; for a vertical agency, the province of the area it serves). {@code null} when
   * there is none.
   */
  public Agency provinceOf(String agencyId) {
    Set<String> seen = new LinkedHashSet<>();
    Agency a = get(get(agencyId).areaId());
    while (a != null && seen.add(a.id())) {
      if (a.level() == AgencyLevel.PROVINCE && CatalogFiles.TERRITORIAL_KINDS.contains(a.kind())) {
        return a;
      }
      a = a.parentId() == null ? null : get(a.parentId());
      a = a == null ? null : get(a.areaId());
    }
    return null;
  }

  /**
   * The agencies whose competence this agency holds on the given day because they stopped and it is
   * their successor (directly or through a chain): after the 2025 reform the new commune reads the old
   * commune's and the old district's dossiers. Empty when nothing was handed over to it.
   */
  public Set<String> predecessorsOn(String agencyId, LocalDate day) {
    Set<String> predecessors = new LinkedHashSet<>();
    for (Agency a : ordered) {
      if (!a.id().equals(agencyId) && a.successorId() != null && successorOn(a.id(), day).id().equals(agencyId)) {
        predecessors.add(a.id());
      }
    }
    return predecessors;
  }

  /** The given agencies and every agency they took over by the given day ({@link #predecessorsOn}). */
  public Set<String> withPredecessors(Collection<String> agencyIds, LocalDate day) {
    Set<String> all = new LinkedHashSet<>(agencyIds);
    for (String agencyId : agencyIds) {
      all.addAll(predecessorsOn(agencyId, day));
    }
    return all;
  }

  /**
   * The group of {@code role} at an agency; for clerks, those of the one-stop department that receives
   * for it when it receives nothing itself. Empty when there is no such group.
   */
  public Optional<String> groupAt(Agency agency, AgencyRole role) {
    if (role != AgencyRole.CLERKS) {
      return Optional.of(role.groupId(agency.id()));
    }
    Agency desk = agency.isOneStop() ? agency : find(agency.oneStopId()).orElse(agency);
    return desk.isOneStop() ? Optional.of(desk.clerksGroup()) : Optional.empty();
  }

  /**
   * The group that took over from an agency group on the given day: for a group of an agency that has
   * stopped, the group of the same role at its successor; empty while the agency operates, for groups
   * that are no agency's, and when the successor has no such group.
   */
  public Optional<String> successorGroup(String groupId, LocalDate day) {
    return successorGroup(groupId, day, null, null);
  }

  /**
   * The group that took over from an agency group for one dossier: as {@link #successorGroup(String,
   * LocalDate)}, with the successor chosen by the dossier's territory and procedure ({@link #successorFor}).
   */
  public Optional<String> successorGroup(String groupId, LocalDate day, String territoryId, String procedureCode) {
    for (AgencyRole role : AgencyRole.values()) {
      for (String agencyId : agenciesOf(List.of(groupId), role)) {
        Agency successor = successorFor(agencyId, day, territoryId, procedureCode);
        if (!successor.id().equals(agencyId)) {
          return groupAt(successor, role);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether an agency this group acts for has stopped by the day, so that {@link #successorGroup(String, LocalDate,
   * String, String)} may name another group (for any territory and procedure); {@code false} means it cannot.
   */
  public boolean actsForStoppedAgency(String groupId, LocalDate day) {
    for (AgencyRole role : AgencyRole.values()) {
      for (String agencyId : agenciesOf(List.of(groupId), role)) {
        if (stopped(get(agencyId), day)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The territory by which a dossier's successors are chosen: the recorded one, else the area of the
   * agency that received it (a commune's own dossier belongs to that commune).
   */
  public String territoryOf(String territoryId, String receivingAgencyId) {
    return territoryId != null ? territoryId : find(receivingAgencyId).map(Agency::areaId).orElse(null);
  }

  /**
   * The groups of a role that act for this agency on the given day: its own group and, once the agency
   * has stopped, its successor's too (the successor's head assigns his own specialists to a dossier the
   * old agency started).
   */
  public List<String> groupsActingFor(String agencyId, AgencyRole role, LocalDate day) {
    return groupsActingFor(agencyId, role, day, null, null);
  }

  /** As {@link #groupsActingFor(String, AgencyRole, LocalDate)}, with the successor for one dossier's territory and procedure. */
  public List<String> groupsActingFor(String agencyId, AgencyRole role, LocalDate day, String territoryId,
      String procedureCode) {
    Set<String> groups = new LinkedHashSet<>();
    groups.add(role.groupId(agencyId));
    successorGroup(role.groupId(agencyId), day, territoryId, procedureCode).ifPresent(groups::add);
    return List.copyOf(groups);
  }

  /**
   * The agency of the given kind that serves {@code fromAgencyId}'s area, looking in that area first
   * and then in each enclosing area (commune → district → province). Resolves legs given relative to
   * the receiving agency: "the receiving commune's police", "the district's justice office".
   *
   * @throws IllegalArgumentException when two agencies of the kind serve the same area (ambiguous)
   */
  public Optional<Agency> nearestOfKind(String kind, String fromAgencyId) {
    String area = get(fromAgencyId).areaId();
    while (area != null) {
      String current = area;
      List<Agency> candidates = ordered.stream()
          .filter(a -> kind.equals(a.kind()) && current.equals(a.areaId())).toList();
      if (candidates.size() == 1) {
        return Optional.of(candidates.get(0));
      }
      if (candidates.size() > 1) {
        throw new IllegalArgumentException("Ambiguous: agencies " + candidates.stream().map(Agency::id).toList()
            + " are all of kind '" + kind + "' serving area '" + current + "'");
      }
      String parent = get(current).parentId();
      area = parent == null ? null : get(parent).areaId();
      if (current.equals(area)) {
        area = null;
      }
    }
    return Optional.empty();
  }

  /**
   * The agencies in whose {@code role} group a user is, from her Camunda group ids - the reverse of
   * {@link AgencyRole#groupId}. Groups of unknown agencies or other roles are ignored.
   */
  public Set<String> agenciesOf(Collection<String> groupIds, AgencyRole role) {
    Set<String> agencies = new LinkedHashSet<>();
    for (String group : groupIds) {
      String suffix = "-" + role.suffix();
      if (group.endsWith(suffix)) {
        String id = group.substring(0, group.length() - suffix.length());
        find(id).filter(a -> role.groupId(a.id()).equals(group))
            .filter(a -> role != AgencyRole.CLERKS || a.isOneStop()) // as in groups(): clerks only at one-stop departments
            .ifPresent(a -> agencies.add(a.id()));
      }
    }
    return agencies;
  }

  /**
   * The Camunda groups of every agency: {@code <id>-clerks} for one-stop departments,
   * {@code <id>-specialists}, {@code <id>-heads} and {@code <id>-supervisors} for all.
   */
  public List<AgencyGroup> groups() {
    List<AgencyGroup> groups = new ArrayList<>();
    for (Agency a : ordered) {
      for (AgencyRole role : AgencyRole.values()) {
        if (role == AgencyRole.CLERKS && !a.isOneStop()) {
          continue;
        }
        groups.add(new AgencyGroup(role.groupId(a.id()), role.label() + " – " + a.name(), a.id(), role));
      }
    }
    return List.copyOf(groups);
  }
}
