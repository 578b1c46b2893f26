package vn.onestop.dossier;

import java.util.List;
import vn.onestop.catalog.ResolvedLeg;

/** Writes a dossier's legs, resolved for its receiving agency, into the register. */
final class ResolvedLegs {

  private ResolvedLegs() {}

  static void insert(DossierRows rows, long dossierId, List<ResolvedLeg> legs) {
    for (ResolvedLeg leg : legs) {
      rows.jdbc().update("""
          insert into onestop.dossier_leg (dossier_id, leg_no, agency_id, task, budget_days) values (?, ?, ?, ?, ?)
          on conflict (dossier_id, leg_no) do nothing""", dossierId, leg.order(), leg.agencyId(), leg.task(), leg.workingDays());
    }
  }
}
