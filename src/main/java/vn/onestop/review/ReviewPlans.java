package vn.onestop.review;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The yearly review plans (kế hoạch rà soát, đánh giá TTHC): one per year with its deadline and how many
 * working days before it a reminder goes out. The assignments themselves are the reviews started
 * under the plan ({@code onestop.procedure_review}).
 */
@Component
public class ReviewPlans {

  /** One year's plan. */
  public record Plan(int year, String title, LocalDate dueDate, BigDecimal reminderDays) {}

  private final JdbcTemplate jdbc;

  public ReviewPlans(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Plan> find(int year) {
    List<Plan> plans = jdbc.query("select year, title, due_date, reminder_days from onestop.review_plan where year = ?",
        (rs, i) -> new Plan(rs.getInt(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getBigDecimal(4)), year);
    return plans.stream().findFirst();
  }

  /**
   * Creates the year's plan, or updates its title, deadline and reminder lead (reviews already started
   * keep the deadline they were given).
   */
  public Plan create(int year, String title, LocalDate dueDate, BigDecimal reminderDays) {
    if (title == null || title.isBlank()) {
      throw new ReviewInputException("title", "Tên kế hoạch rà soát (title) là bắt buộc");
    }
    if (dueDate == null) {
      throw new ReviewInputException("dueDate", "Hạn hoàn thành (dueDate) là bắt buộc");
    }
    if (reminderDays == null || reminderDays.signum() < 0) {
      throw new ReviewInputException("reminderDays", "Số ngày làm việc nhắc trước hạn (reminderDays) phải ≥ 0");
    }
    jdbc.update("""
        insert into onestop.review_plan (year, title, due_date, reminder_days) values (?, ?, ?, ?)
        on conflict (year) do update set title = excluded.title, due_date = excluded.due_date, reminder_days = excluded.reminder_days""",
        year, title.strip(), Date.valueOf(dueDate), reminderDays);
    return new Plan(year, title.strip(), dueDate, reminderDays);
  }
}
