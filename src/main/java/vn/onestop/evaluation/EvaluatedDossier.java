package vn.onestop.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The register facts of one finished dossier that the evaluation scores (hồ sơ được đánh giá): taken
 * from {@code onestop.dossier}, its legs, its events and the feedback about it; nothing is typed.
 *
 * @param receivedOn   day of reception in Vietnam: chooses the rule set and so the scheme
 * @param complaint    a feedback about staff behaviour (phản ánh về hành vi) on this dossier that was
 *                     not rejected (Art. 13.7c: baseless ones do not count)
 * @param actors       staff who did a step of it (from the process-control events), for the staff score
 * @param ruleSetId    the rule set it recorded at reception ({@code rules/}); chooses the scheme
 */
public record EvaluatedDossier(String code, String procedureCode, String level, String receivingAgencyId,
    String responsibleAgencyId, String channel, String onlineLevel, LocalDate receivedOn, Instant dueAt,
    Instant finishedAt, boolean late, int supplementCount, List<LegTime> legs, boolean complaint, Set<String> actors,
    String ruleSetId) {

  /** One agency's leg: its own deadline and when it finished (Art. 13.2). */
  public record LegTime(String agencyId, Instant dueAt, Instant finishedAt, boolean late) {}

  public EvaluatedDossier {
    legs = legs == null ? List.of() : List.copyOf(legs);
    actors = actors == null ? Set.of() : Set.copyOf(actors);
  }

  public boolean online() {
    return "ONLINE".equals(channel);
  }
}
