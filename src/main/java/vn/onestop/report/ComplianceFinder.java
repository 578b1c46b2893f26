package vn.onestop.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import vn.onestop.process.EngineTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.catalog.Agency;
import vn.onestop.catalog.Organisation;
import vn.onestop.web.ApiException;

/**
 * The compliance finder: live lists of dossiers that break a rule, each with its code and the agency
 * answerable for it. Withdrawn dossiers are left out. Each list reads a small partial index (V20).
 */
@Service
public class ComplianceFinder {

  /** The lists, by their path segment. */
  public enum Breach {
    /** Late (flag set, or running past its appointment) and no apology (form 04, Decree 61/2018 Art. 19.9). */
    LATE_WITHOUT_APOLOGY("late-without-apology"),
    /** Late and no written explanation to the head of the agency (plan II.6). */
    LATE_WITHOUT_EXPLANATION("late-without-explanation"),
    /** Running, appointment not yet passed, due within N working days. */
    GOING_LATE("going-late"),
    /** Received but not digitised (Decree 45/2020). */
    NOT_DIGITISED("not-digitised");

    public final String slug;

    Breach(String slug) {
      this.slug = slug;
    }

    public static Breach of(String slug) {
      for (Breach b : values()) {
        if (b.slug.equals(slug) || b.name().equalsIgnoreCase(slug)) {
          return b;
        }
      }
      throw ApiException.notFound("No compliance list '" + slug + "'; lists: late-without-apology, "
          + "late-without-explanation, going-late, not-digitised");
    }
  }

  /** One dossier on a list. {@code workingDaysLeft} only for {@link Breach#GOING_LATE}. */
  public record Entry(String code, String agencyId, String agencyName, String receivingAgencyId, String procedureCode,
      String procedureName, String field, String channel, String status, Instant receivedAt, Instant dueAt,
      Instant originalDueAt, Instant finishedAt, boolean late, Instant apologyAt, Instant explanationAt,
      BigDecimal workingDaysLeft) {}

  /** A list, as many entries as the limit allows and how many there are in all. */
  public record Listing(String list, Instant asOf, Integer withinWorkingDays, long total, int limit, List<Entry> entries) {}

  private final JdbcTemplate jdbc;
  private final Organisation organisation;
  private final WorkingCalendar calendar;
  private final Clock clock;

  /** With the engine's clock ({@link EngineTime#clock()}). */
  public ComplianceFinder(JdbcTemplate jdbc, Organisation organisation, WorkingCalendar calendar) {
    this(jdbc, organisation, calendar, EngineTime.clock());
  }

  @Autowired
  public ComplianceFinder(JdbcTemplate jdbc, Organisation organisation, WorkingCalendar calendar, Clock clock) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * @param agencyIds responsible agencies to look in, {@code null} for all
   * @param days      for {@link Breach#GOING_LATE}: the horizon in working days
   * @param period    optional: only dossiers received in it
   */
  public Listing find(Breach breach, java.util.Set<String> agencyIds, int days, ReportPeriod period, int limit) {
    if (limit < 1 || limit > 10_000) {
      throw ApiException.badRequest("limit", "limit must be between 1 and 10000, was " + limit);
    }
    if (days < 0 || days > 60) {
      throw ApiException.badRequest("days", "days must be between 0 and 60 working days, was " + days);
    }
    Instant now = clock.instant();
    List<Object> args = new ArrayList<>();
    String open = "received_at IS NOT NULL AND finished_at IS NULL AND outcome IS NULL";
    String where = switch (breach) {
      case LATE_WITHOUT_APOLOGY -> {
        args.add(Timestamp.from(now));
        yield "apology_at IS NULL AND (late OR (" + open + " AND due_at < ?))";
      }
      case LATE_WITHOUT_EXPLANATION -> {
        args.add(Timestamp.from(now));
        yield "explanation_at IS NULL AND (late OR (" + open + " AND due_at < ?))";
      }
      case GOING_LATE -> {
        args.add(Timestamp.from(now));
        args.add(Timestamp.from(calendar.addWorkingDays(now, BigDecimal.valueOf(days))));
        yield open + " AND due_at >= ? AND due_at <= ?";
      }
      case NOT_DIGITISED -> "received_at IS NOT NULL AND NOT digitised";
    };
    StringBuilder sql = new StringBuilder("""
        SELECT code, responsible_agency_id, receiving_agency_id, procedure_code, procedure_name, field, channel, status,
               received_at, due_at, original_due_at, finished_at, late, apology_at, explanation_at,
               count(*) OVER () AS total
        FROM onestop.dossier WHERE""").append(" ").append(where).append(" AND outcome IS DISTINCT FROM 'WITHDRAWN'");
    if (agencyIds != null) {
      sql.append(" AND responsible_agency_id = ANY(?)");
      args.add(agencyIds.toArray(String[]::new));
    }
    if (period != null) {
      sql.append(" AND received_at >= ? AND received_at < ?");
      args.add(Timestamp.from(period.start()));
      args.add(Timestamp.from(period.end()));
    }
    sql.append(breach == Breach.NOT_DIGITISED ? " ORDER BY received_at, code" : " ORDER BY due_at, code");
    sql.append(" LIMIT ").append(limit);
    long[] total = {0};
    List<Entry> entries = jdbc.query(sql.toString(), (rs, n) -> {
      total[0] = rs.getLong("total");
      String agencyId = rs.getString("responsible_agency_id");
      Instant due = instant(rs.getTimestamp("due_at"));
      BigDecimal left = breach == Breach.GOING_LATE && due != null
          ? calendar.workingDaysBetween(now, due).setScale(2, RoundingMode.HALF_UP) : null;
      return new Entry(rs.getString("code"), agencyId, organisation.find(agencyId).map(Agency::name).orElse(agencyId),
          rs.getString("receiving_agency_id"), rs.getString("procedure_code"), rs.getString("procedure_name"),
          rs.getString("field"), rs.getString("channel"), rs.getString("status"), instant(rs.getTimestamp("received_at")),
          due, instant(rs.getTimestamp("original_due_at")), instant(rs.getTimestamp("finished_at")), rs.getBoolean("late"),
          instant(rs.getTimestamp("apology_at")), instant(rs.getTimestamp("explanation_at")), left);
    }, args.toArray());
    return new Listing(breach.slug, now, breach == Breach.GOING_LATE ? days : null, total[0], limit, entries);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

}
