package vn.onestop.catalog;

import java.util.List;

/**
 * Where a procedure is received (nơi tiếp nhận hồ sơ): fixed one-stop departments, or the one-stop
 * department of every agency of the listed kinds (e.g. every commune, at its own desk before the 2025
 * reform and at its Public Administration Service Centre after it). Decree 61/2018 Art. 14 fixes which
 * one-stop department receives which procedures.
 *
 * <p>{@link #anywhereInProvince} is the procedure version's place in the province's list of procedures
 * received regardless of administrative boundary (tiếp nhận không phụ thuộc địa giới hành chính, Decree
 * 118/2025/NĐ-CP Art. 14): then every one-stop department of the dossier's province receives it, and the
 * competent agency is found from the dossier's territory. Being a field of the version, it is dated.
 *
 * @param agencyIds          agencies that receive it (e.g. {@code dakrlap-mot-cua})
 * @param kinds              agency kinds that receive it (e.g. {@code commune}: whichever commune the applicant goes to)
 * @param anywhereInProvince whether any one-stop department of the province may receive it (Decree 118/2025 Art. 14)
 */
public record Receiving(List<String> agencyIds, List<String> kinds, boolean anywhereInProvince) {

  public Receiving {
    agencyIds = agencyIds == null ? List.of() : List.copyOf(agencyIds);
    kinds = kinds == null ? List.of() : List.copyOf(kinds);
  }

  /** Received only where the lists say. */
  public Receiving(List<String> agencyIds, List<String> kinds) {
    this(agencyIds, kinds, false);
  }

  /** Whether the given agency is named or of a named kind. */
  public boolean accepts(Agency agency) {
    return agencyIds.contains(agency.id()) || (agency.kind() != null && kinds.contains(agency.kind()));
  }
}
