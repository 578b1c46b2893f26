package vn.onestop.dossier;

import vn.onestop.register.DossierRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import vn.onestop.register.DossierQueries;

/**
 * SQL of the dossier register. Every write runs in the caller's transaction - the engine's, when a
 * step of the process writes - so the register and the process never disagree.
 */
@Repository
public class DossierRows {

  private final JdbcTemplate jdbc;

  public DossierRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** For the stage classes of this package only: no other package writes the register. */
  JdbcTemplate jdbc() {
    return jdbc;
  }

  public Optional<DossierRow> find(long id) {
    return jdbc.query("select * from onestop.dossier where id = ?", ROW, id).stream().findFirst();
  }

  public DossierRow get(long id) {
    return find(id).orElseThrow(() -> new IllegalStateException("Dossier #" + id + " is not in the register"));
  }

  public Optional<DossierRow> findByCode(String code) {
    return jdbc.query("select * from onestop.dossier where code = ?", ROW, code).stream().findFirst();
  }

  public Optional<DossierRow> findByPortalId(String portalDossierId) {
    return jdbc.query("select * from onestop.dossier where portal_dossier_id = ?", ROW, portalDossierId).stream().findFirst();
  }

  /** Sets columns of one dossier and its {@code updated_at}: {@code set("status = ?, due_at = ?", id, "X", due)}. */
  public void set(long id, String assignments, Object... values) {
    Object[] args = new Object[values.length + 1];
    for (int i = 0; i < values.length; i++) {
      args[i] = values[i] instanceof Instant instant ? Timestamp.from(instant) : values[i];
    }
    args[values.length] = id;
    int updated = jdbc.update("update onestop.dossier set " + assignments + ", updated_at = now() where id = ?", args);
    if (updated != 1) {
      throw new IllegalStateException("Dossier #" + id + " is not in the register");
    }
  }

  /** Writes one line of the process-control record (form 05). */
  public void event(long dossierId, Instant at, String kind, Integer legNo, String fromAgency, String toAgency,
      String actor, Instant dueAt, String timeliness, String note) {
    jdbc.update("""
        insert into onestop.dossier_event (dossier_id, at, kind, leg_no, from_agency_id, to_agency_id, actor, due_at, timeliness, note)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        dossierId, ts(at), kind, legNo, fromAgency, toAgency, actor, ts(dueAt), timeliness, note);
  }

  public List<DossierQueries.HandOver> events(long dossierId) {
    return jdbc.query("select * from onestop.dossier_event where dossier_id = ? order by at, id", (rs, n) -> new DossierQueries.HandOver(
        rs.getTimestamp("at").toInstant(), rs.getString("kind"), (Integer) rs.getObject("leg_no"),
        rs.getString("from_agency_id"), rs.getString("to_agency_id"), rs.getString("actor"),
        instant(rs, "due_at"), rs.getString("timeliness"), rs.getString("note")), dossierId);
  }

  public List<LegRow> legs(long dossierId) {
    return jdbc.query("select * from onestop.dossier_leg where dossier_id = ? order by leg_no", (rs, n) -> new LegRow(
        rs.getInt("leg_no"), rs.getString("agency_id"), rs.getString("task"), rs.getBigDecimal("budget_days"),
        instant(rs, "started_at"), instant(rs, "due_at"), instant(rs, "finished_at"), rs.getString("outcome"),
        rs.getBoolean("late")), dossierId);
  }

  /** When the latest supplement request during handling was made (the start of a PAUSE), or null. */
  Instant lastHandlingSupplementRequest(long dossierId) {
    Timestamp requested = jdbc.queryForObject(
        "select max(requested_at) from onestop.supplement_request where dossier_id = ? and stage = 'HANDLING'", Timestamp.class, dossierId);
    return requested == null ? null : requested.toInstant();
  }

  /** The completed supplement requests during handling: the time the dossier spent with the applicant. */
  List<Pause> handlingPauses(long dossierId) {
    return jdbc.query("""
        select requested_at, completed_at from onestop.supplement_request
        where dossier_id = ? and stage = 'HANDLING' and completed_at is not null order by id""",
        (rs, n) -> new Pause(rs.getTimestamp("requested_at").toInstant(), rs.getTimestamp("completed_at").toInstant()), dossierId);
  }

  /** From a supplement request to the applicant's answer. */
  public record Pause(Instant from, Instant to) {}

  /** One agency's leg of the handling. */
  public record LegRow(int legNo, String agencyId, String task, java.math.BigDecimal budgetDays, Instant startedAt,
      Instant dueAt, Instant finishedAt, String outcome, boolean late) {}

  static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static final RowMapper<DossierRow> ROW = (rs, n) -> new DossierRow(
      rs.getLong("id"), rs.getString("code"), rs.getString("process_instance_id"), rs.getString("procedure_code"),
      rs.getString("procedure_version"), rs.getString("procedure_name"), rs.getString("field"), rs.getString("level"),
      rs.getBoolean("interlinked"), rs.getString("receiving_agency_id"), rs.getString("handling_agency_id"),
      rs.getString("channel"), rs.getString("online_level"), rs.getString("portal_dossier_id"),
      rs.getString("applicant_name"), rs.getString("applicant_id_number"), rs.getString("applicant_phone"),
      rs.getString("applicant_email"), rs.getString("applicant_address"), rs.getString("status"),
      rs.getString("outcome"), rs.getBigDecimal("resolution_days"), rs.getString("supplement_clock"),
      rs.getString("rule_set"),
      instant(rs, "submitted_at"), instant(rs, "received_at"), instant(rs, "clock_started_at"),
      instant(rs, "original_due_at"), instant(rs, "due_at"), instant(rs, "finished_at"), instant(rs, "returned_at"),
      rs.getBoolean("late"), rs.getString("late_leg"), instant(rs, "apology_at"), rs.getBoolean("explanation_required"),
      instant(rs, "explanation_at"), rs.getInt("supplement_count"), rs.getString("refusal_reason"),
      rs.getBigDecimal("fee_amount"), rs.getBoolean("fee_paid"), rs.getBoolean("fee_paid_online"),
      rs.getBoolean("digitised"), rs.getBoolean("result_electronic"), rs.getInt("reused_documents"),
      rs.getString("rating"), rs.getString("rating_comment"), instant(rs, "rated_at"));
}
