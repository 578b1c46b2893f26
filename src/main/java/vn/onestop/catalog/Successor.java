package vn.onestop.catalog;

import java.util.List;

/**
 * One rule of a stopped agency's succession (kế thừa theo địa bàn hoặc theo thủ tục): after the 2025
 * two-tier reform a district and its offices have no single successor - their open work goes to the new
 * commune that now governs the dossier's territory, or to the provincial department that took the
 * procedure over (Resolution 202/2025/QH15; the commune mapping of Resolution 1671/NQ-UBTVQH15).
 *
 * <p>A rule applies to a dossier when every condition it gives holds: its territory (the applicant's or
 * the property's commune, {@code territory_agency_id}) is one of {@link #areas}, and its procedure code
 * is one of {@link #procedures}. Rules are tried in file order; the agency's plain {@code successor}
 * takes what no rule matches.
 *
 * @param agencyId   the agency that takes the work over
 * @param areas      territorial units (commune ids of the old organisation) the rule covers; empty = any
 * @param procedures procedure codes the rule covers; empty = any
 */
public record Successor(String agencyId, List<String> areas, List<String> procedures) {

  public Successor {
    areas = areas == null ? List.of() : List.copyOf(areas);
    procedures = procedures == null ? List.of() : List.copyOf(procedures);
  }

  /** Whether the rule covers a dossier of this territory and procedure ({@code null} = unknown). */
  public boolean covers(String territoryId, String procedureCode) {
    return (areas.isEmpty() || (territoryId != null && areas.contains(territoryId)))
        && (procedures.isEmpty() || (procedureCode != null && procedures.contains(procedureCode)));
  }
}
