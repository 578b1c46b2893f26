package vn.onestop.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * One agency of the organisation (cơ quan, đơn vị trong cơ cấu tổ chức).
 *
 * @param id          short stable slug ({@code [a-z0-9-]}), the prefix of the agency's Camunda groups
 * @param code        official unit identifier (mã định danh) {@code V1V2V3.Z1Z2.Y1Y2.MX1X2} used as the
 *                    first part of dossier codes, Circular 01/2018 Art. 19; {@code null} when unknown
 * @param name        official Vietnamese name
 * @param level       tier of government
 * @param parentId    the agency it belongs to, or {@code null} for a root
 * @param oneStopId   the one-stop department (Bộ phận Một cửa, Decree 61/2018 Art. 3.3, 7) that receives
 *                    and returns dossiers for this agency; equal to {@link #id} when the agency is itself
 *                    a one-stop department or receives at its own desk
 * @param validFrom   first day the agency exists in this shape, or {@code null} for "always"
 * @param validTo     last day it operates (e.g. 2025-06-30 for abolished districts), or {@code null}
 * @param successorId the agency that took over its competence after {@link #validTo}, or {@code null}
 * @param verified    whether {@link #code} and {@link #name} were checked against an official source
 * @param kind        what sort of agency it is (e.g. {@code commune}, {@code justice-office}); procedures
 *                    name the kinds that receive them and legs may name the kind that handles them
 * @param areaId      the territorial unit it serves (a people's committee: commune, district, province);
 *                    vertical agencies (police, tax, social insurance) say which area they serve
 * @param note        free text: what is unverified, where a figure comes from
 * @param successors  successors by area or procedure ({@link Successor}), tried before {@link #successorId}
 */
public record Agency(
    String id,
    String code,
    String name,
    AgencyLevel level,
    String parentId,
    String oneStopId,
    LocalDate validFrom,
    LocalDate validTo,
    String successorId,
    boolean verified,
    String kind,
    String areaId,
    String note,
    List<Successor> successors) {

  public Agency {
    successors = successors == null ? List.of() : List.copyOf(successors);
  }

  /** An agency with at most one successor. */
  public Agency(String id, String code, String name, AgencyLevel level, String parentId, String oneStopId,
      LocalDate validFrom, LocalDate validTo, String successorId, boolean verified, String kind, String areaId,
      String note) {
    this(id, code, name, level, parentId, oneStopId, validFrom, validTo, successorId, verified, kind, areaId, note,
        List.of());
  }

  /**
   * The agency that takes over this one's work on a dossier of the given territory and procedure: the
   * first {@link Successor} rule covering it, else {@link #successorId}; {@code null} when none.
   */
  public String successorFor(String territoryId, String procedureCode) {
    return successors.stream().filter(s -> s.covers(territoryId, procedureCode)).map(Successor::agencyId)
        .findFirst().orElse(successorId);
  }

  /** Every agency that may take part of this one's work over: the rules' and the plain successor. */
  public java.util.Set<String> allSuccessorIds() {
    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
    successors.forEach(s -> ids.add(s.agencyId()));
    if (successorId != null) {
      ids.add(successorId);
    }
    return ids;
  }

  /** Reception and return clerks of this one-stop department: {@code <id>-clerks}. */
  public String clerksGroup() {
    return AgencyRole.CLERKS.groupId(id);
  }

  /** Handling officers (chuyên viên thụ lý): {@code <id>-specialists}. */
  public String specialistsGroup() {
    return AgencyRole.SPECIALISTS.groupId(id);
  }

  /** Leaders who assign and sign (lãnh đạo): {@code <id>-heads}. */
  public String headsGroup() {
    return AgencyRole.HEADS.groupId(id);
  }

  /** Supervisors (giám sát): {@code <id>-supervisors}. */
  public String supervisorsGroup() {
    return AgencyRole.SUPERVISORS.groupId(id);
  }

  /** Whether this agency is a one-stop department, i.e. receives dossiers at its own desk. */
  public boolean isOneStop() {
    return id.equals(oneStopId);
  }

  /** Whether the agency operates on the given day (valid-from and valid-to inclusive). */
  public boolean activeOn(LocalDate day) {
    return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
  }
}
