package vn.onestop.evaluation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.onestop.calendar.WorkingCalendar;

/**
 * Reads what the evaluation scores from the register ({@code onestop.dossier}, {@code dossier_leg},
 * {@code dossier_event}) and the feedback register ({@code onestop.feedback}). Read-only: the
 * evaluation owns no table.
 *
 * <p>The dossiers of a period are those resolved in it (finished with a result or a refusal), as in the
 * KPI report's "resolved" cohort; {@code agencies} {@code null} means the whole register.
 */
@Repository
public class EvaluationFacts {

  private final JdbcTemplate jdbc;

  public EvaluationFacts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The dossiers resolved in [{@code from}, {@code to}) whose responsible agency is one of {@code agencies}. */
  public List<EvaluatedDossier> resolved(Instant from, Instant to, Collection<String> agencies) {
    List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
    String scope = "";
    if (agencies != null) {
      scope = " AND d.responsible_agency_id = ANY (?)";
      args.add(agencies.toArray(String[]::new));
    }
    Map<Long, EvaluatedDossier> byId = new java.util.LinkedHashMap<>();
    jdbc.query("""
        SELECT d.id, d.code, d.procedure_code, d.level, d.receiving_agency_id, d.responsible_agency_id, d.channel,
               d.online_level, d.rule_set, d.received_at, d.due_at, d.finished_at, d.late, d.supplement_count,
               EXISTS (SELECT 1 FROM onestop.feedback f WHERE f.dossier_code = d.code AND f.kind = 'BEHAVIOUR'
                       AND f.status <> 'REJECTED') AS complaint,
               ARRAY (SELECT DISTINCT e.actor FROM onestop.dossier_event e
                      WHERE e.dossier_id = d.id AND e.actor IS NOT NULL AND e.actor <> 'system') AS actors
          FROM onestop.dossier d
         WHERE d.finished_at >= ? AND d.finished_at < ? AND d.outcome IN ('RESULT', 'REFUSED')""" + scope
        + " ORDER BY d.finished_at, d.id", rs -> {
          byId.put(rs.getLong("id"), dossier(rs, List.of()));
        }, args.toArray());
    if (byId.isEmpty()) {
      return List.of();
    }
    Map<Long, List<EvaluatedDossier.LegTime>> legs = new HashMap<>();
    jdbc.query("SELECT dossier_id, agency_id, due_at, finished_at, late FROM onestop.dossier_leg WHERE dossier_id = ANY (?)"
            + " ORDER BY dossier_id, leg_no",
        rs -> {
          legs.computeIfAbsent(rs.getLong("dossier_id"), k -> new ArrayList<>()).add(new EvaluatedDossier.LegTime(
              rs.getString("agency_id"), instant(rs, "due_at"), instant(rs, "finished_at"), rs.getBoolean("late")));
        }, (Object) byId.keySet().toArray(Long[]::new));
    List<EvaluatedDossier> out = new ArrayList<>(byId.size());
    byId.forEach((id, d) -> out.add(legs.containsKey(id) ? withLegs(d, legs.get(id)) : d));
    return out;
  }

  /** Feedback addressed to the agencies whose answer fell due in [{@code from}, {@code to}), Art. 13.8. */
  public long[] feedback(Instant from, Instant to, Collection<String> agencies) {
    List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
    String scope = "";
    if (agencies != null) {
      scope = " AND agency_id = ANY (?)";
      args.add(agencies.toArray(String[]::new));
    }
    return jdbc.queryForObject("""
        SELECT count(*),
               count(*) FILTER (WHERE answered_at IS NOT NULL AND answered_at <= answer_due_at AND NOT overdue),
               count(*) FILTER (WHERE overdue AND answered_at IS NULL)
          FROM onestop.feedback WHERE answer_due_at >= ? AND answer_due_at < ?""" + scope,
        (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, args.toArray());
  }

  private static EvaluatedDossier dossier(ResultSet rs, List<EvaluatedDossier.LegTime> legs) throws SQLException {
    Instant received = instant(rs, "received_at");
    Array actors = rs.getArray("actors");
    Set<String> who = actors == null ? Set.of() : new HashSet<>(Arrays.asList((String[]) actors.getArray()));
    return new EvaluatedDossier(rs.getString("code"), rs.getString("procedure_code"), rs.getString("level"),
        rs.getString("receiving_agency_id"), rs.getString("responsible_agency_id"), rs.getString("channel"),
        rs.getString("online_level"), received == null ? null : received.atZone(WorkingCalendar.ZONE).toLocalDate(),
        instant(rs, "due_at"), instant(rs, "finished_at"), rs.getBoolean("late"), rs.getInt("supplement_count"), legs,
        rs.getBoolean("complaint"), who, rs.getString("rule_set"));
  }

  private static EvaluatedDossier withLegs(EvaluatedDossier d, List<EvaluatedDossier.LegTime> legs) {
    return new EvaluatedDossier(d.code(), d.procedureCode(), d.level(), d.receivingAgencyId(), d.responsibleAgencyId(),
        d.channel(), d.onlineLevel(), d.receivedOn(), d.dueAt(), d.finishedAt(), d.late(), d.supplementCount(), legs,
        d.complaint(), d.actors(), d.ruleSetId());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
