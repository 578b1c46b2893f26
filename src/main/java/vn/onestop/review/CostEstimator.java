package vn.onestop.review;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.onestop.calendar.WorkingCalendar;
import vn.onestop.catalog.DocumentForm;
import vn.onestop.catalog.OnlineLevel;
import vn.onestop.catalog.Procedure;
import vn.onestop.catalog.RequiredDocument;
import vn.onestop.process.EngineTime;

/**
 * Estimates a procedure version's compliance cost from the catalogue and {@link CostParameters}, and
 * counts its compliance subjects a year in OneStop's own register (dossiers submitted in the 12 months
 * before now, whatever their outcome: each applicant bore the cost).
 */
@Component
public class CostEstimator {

  private final CostParameters parameters;
  private final JdbcTemplate jdbc;
  private final EngineTime time;

  public CostEstimator(CostParameters parameters, JdbcTemplate jdbc, EngineTime time) {
    this.parameters = parameters;
    this.jdbc = jdbc;
    this.time = time;
  }

  public CostParameters parameters() {
    return parameters;
  }

  /** Dossiers of the procedure (any version) submitted in the 365 days before now (read-only query). */
  public long dossiersLastTwelveMonths(String procedureCode) {
    Instant now = time.now();
    Long n = jdbc.queryForObject(
        "select count(*) from onestop.dossier where procedure_code = ? and submitted_at > ? and submitted_at <= ?",
        Long.class, procedureCode, Timestamp.from(now.minus(365, ChronoUnit.DAYS)), Timestamp.from(now));
    return n == null ? 0 : n;
  }

  /** The per-dossier inputs of a version, line by line, each naming its source. */
  public ComplianceCost.Inputs inputs(Procedure p) {
    int year = time.now().atZone(WorkingCalendar.ZONE).getYear();
    CostParameters.Figure income = parameters.hourlyIncome(year);
    List<RequiredDocument> required = p.documents().stream().filter(RequiredDocument::required).toList();
    List<ComplianceCost.TimeLine> timeLines = new ArrayList<>();
    CostParameters.Figure prep = parameters.assumption(CostParameters.PREPARATION_HOURS);
    timeLines.add(new ComplianceCost.TimeLine("Chuẩn bị " + required.size() + " thành phần hồ sơ bắt buộc",
        prep.value().multiply(BigDecimal.valueOf(required.size())), prep.source()));
    BigDecimal visits = p.onlineLevel() == OnlineLevel.FULL_PROCESS ? BigDecimal.ZERO
        : parameters.assumption(CostParameters.VISITS).value();
    CostParameters.Figure perVisit = parameters.assumption(CostParameters.HOURS_PER_VISIT);
    timeLines.add(new ComplianceCost.TimeLine("Đi lại, chờ đợi: " + visits.toPlainString() + " lần",
        perVisit.value().multiply(visits), perVisit.source()));
    List<ComplianceCost.MoneyLine> fees = List.of(new ComplianceCost.MoneyLine("Phí, lệ phí theo danh mục TTHC",
        p.fee().amountVnd(), p.fee().note() == null ? "Danh mục TTHC, phiên bản " + p.version() : p.fee().note()));
    List<ComplianceCost.MoneyLine> other = new ArrayList<>();
    CostParameters.Figure travel = parameters.assumption(CostParameters.TRAVEL);
    other.add(new ComplianceCost.MoneyLine("Chi phí đi lại", travel.value().multiply(visits), travel.source()));
    long copies = required.stream().filter(d -> d.form() == DocumentForm.COPY).mapToLong(RequiredDocument::quantity).sum();
    CostParameters.Figure copy = parameters.assumption(CostParameters.COPY);
    other.add(new ComplianceCost.MoneyLine("Sao chụp " + copies + " bản", copy.value().multiply(BigDecimal.valueOf(copies)),
        copy.source()));
    long certified = required.stream().filter(d -> d.form() == DocumentForm.CERTIFIED_COPY)
        .mapToLong(RequiredDocument::quantity).sum();
    CostParameters.Figure cert = parameters.assumption(CostParameters.CERTIFICATION);
    other.add(new ComplianceCost.MoneyLine("Chứng thực " + certified + " bản",
        cert.value().multiply(BigDecimal.valueOf(certified)), cert.source()));
    return new ComplianceCost.Inputs(timeLines, income.value(), income.source(), fees, other);
  }

  /** The cost of {@code before} and {@code after} over the procedure's dossiers of the last 12 months. */
  public ComplianceCost.Comparison compare(Procedure before, Procedure after) {
    return ComplianceCost.compare(ComplianceCost.perDossier(inputs(before)), ComplianceCost.perDossier(inputs(after)),
        dossiersLastTwelveMonths(before.code()));
  }
}
