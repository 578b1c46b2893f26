package vn.onestop.catalog;

import java.util.List;

/**
 * Where a procedure is received (nơi tiếp nhận hồ sơ): fixed one-stop departments, or every agency
 * of the listed kinds (e.g. every commune). Decree 61/2018 Art. 14 fixes which one-stop department
 * receives which procedures.
 *
 * @param agencyIds agencies that receive it (e.g. {@code dakrlap-mot-cua})
 * @param kinds     agency kinds that receive it (e.g. {@code commune}: whichever commune the applicant goes to)
 */
public record Receiving(List<String> agencyIds, List<String> kinds) {

  public Receiving {
    agencyIds = agencyIds == null ? List.of() : List.copyOf(agencyIds);
    kinds = kinds == null ? List.of() : List.copyOf(kinds);
  }

  /** Whether the given agency may receive the procedure. */
  public boolean accepts(Agency agency) {
    return agencyIds.contains(agency.id()) || (agency.kind() != null && kinds.contains(agency.kind()));
  }
}
