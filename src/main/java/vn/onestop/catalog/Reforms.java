package vn.onestop.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.onestop.catalog.CatalogFiles.AgencyEntry;
import vn.onestop.catalog.CatalogFiles.OrganisationFile;
import vn.onestop.catalog.CatalogFiles.ProcedureEntry;
import vn.onestop.catalog.CatalogFiles.SuccessorEntry;

/**
 * A reorganisation as data (sắp xếp đơn vị hành chính, e.g. the 2025 two-tier reform): one file
 * {@code reforms/<date>-<name>.yaml} applied on top of the organisation and the catalogue, so the files
 * describe both worlds with dates and the next reform is one more file, not code.
 *
 * <pre>
 * effective: 2025-07-01            # first day of the new organisation
 * ends:                            # agencies that stop the day before (validTo = effective - 1)
 *   - id: dakrlap
 *     successor: lam-dong          # takes what no rule below covers
 *     successors:                  # by the dossier's territory and/or its procedure
 *       - { agency: xa-kien-duc, areas: [kien-duc, dao-nghia] }
 *       - { agency: lam-dong-vpdkdd, procedures: [DNO.DD.01] }
 * agencies: [...]                  # new agencies, keys as in organisation.yaml (validFrom defaults to effective)
 * closes: [DNO.DD.02]              # procedures whose version in force ends the day before, without a new one
 * procedures: [...]                # new versions (effectiveFrom defaults to effective); each closes the
 *                                  # version in force the day before
 * </pre>
 */
final class Reforms {

  private Reforms() {}

  record ReformFile(LocalDate effective, String note, List<EndEntry> ends, List<AgencyEntry> agencies,
      List<String> closes, List<ProcedureEntry> procedures) {}

  record EndEntry(String id, String successor, List<SuccessorEntry> successors, String note) {}

  record Loaded(String file, ReformFile reform) {}

  /** The organisation with the reform's ends and new agencies. */
  static OrganisationFile applyToOrganisation(Loaded loaded, OrganisationFile organisation) {
    ReformFile r = loaded.reform();
    if (r.effective() == null) {
      throw new CatalogException(loaded.file(), null, "missing 'effective' (first day of the new organisation)");
    }
    Map<String, AgencyEntry> byId = new LinkedHashMap<>();
    organisation.agencies().forEach(a -> byId.put(a.id(), a));
    LocalDate lastDay = r.effective().minusDays(1);
    for (EndEntry end : r.ends() == null ? List.<EndEntry>of() : r.ends()) {
      AgencyEntry a = byId.get(end.id());
      if (a == null) {
        throw new CatalogException(loaded.file(), end.id(), "ends an agency that is not in the organisation");
      }
      String note = end.note() == null ? a.note() : (a.note() == null ? "" : a.note() + " ") + end.note();
      byId.put(a.id(), new AgencyEntry(a.id(), a.code(), a.name(), a.level(), a.kind(), a.parent(), a.oneStop(),
          a.area(), a.validFrom(), lastDay, end.successor(), a.verified(), note, end.successors()));
    }
    List<AgencyEntry> all = new ArrayList<>(byId.values());
    for (AgencyEntry a : r.agencies() == null ? List.<AgencyEntry>of() : r.agencies()) {
      all.add(a.validFrom() != null ? a : new AgencyEntry(a.id(), a.code(), a.name(), a.level(), a.kind(), a.parent(),
          a.oneStop(), a.area(), r.effective(), a.validTo(), a.successor(), a.verified(), a.note(), a.successors()));
    }
    return new OrganisationFile(all);
  }

  /** The catalogue with the reform's closed procedures and new versions (each closing the one in force). */
  static void applyToProcedures(Loaded loaded, List<Procedure> procedures, Map<String, String> seenIn,
      ProcedureEntries entries, Map<String, Agency> agencies, List<String> fields) {
    ReformFile r = loaded.reform();
    List<String> closing = new ArrayList<>(r.closes() == null ? List.of() : r.closes());
    List<Procedure> added = new ArrayList<>();
    for (ProcedureEntry e : r.procedures() == null ? List.<ProcedureEntry>of() : r.procedures()) {
      Procedure p = entries.procedure(loaded.file(), e, agencies, fields);
      if (p.effectiveFrom() == null) {
        p = p.withEffective(r.effective(), p.effectiveTo());
      }
      String key = p.code() + "@" + p.version();
      String earlier = seenIn.putIfAbsent(key, loaded.file());
      if (earlier != null) {
        throw new CatalogException(loaded.file(), key, "duplicate procedure code and version (also in " + earlier + ")");
      }
      closing.add(p.code());
      added.add(p);
    }
    for (String code : closing) {
      LocalDate lastDay = r.effective().minusDays(1);
      int at = -1;
      for (int i = 0; i < procedures.size(); i++) {
        if (procedures.get(i).code().equals(code) && procedures.get(i).effectiveOn(lastDay)) {
          at = i;
        }
      }
      if (at < 0) {
        throw new CatalogException(loaded.file(), code, "no version of the procedure is in force on " + lastDay + " to close");
      }
      Procedure old = procedures.get(at);
      procedures.set(at, old.withEffective(old.effectiveFrom(), lastDay));
    }
    procedures.addAll(added);
  }
}
