package vn.onestop.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One year's official decisions on days off (quyết định / thông báo nghỉ lễ, Tết của Thủ tướng, Bộ Nội vụ),
 * as read from {@code calendar/<year>.yaml}. What is not given here is computed from the Labour Code.
 *
 * @param year                the Gregorian year
 * @param file                the data file it came from, for error messages
 * @param tet                 the official Tết Nguyên đán days (Labour Code 2019 Art. 112.1.b), if decided
 * @param nationalDayAdjacent the day next to 2 September that is also off (Art. 112.1.đ), if decided
 * @param daysOff             further weekdays off, usually the weekday half of a swap (ngày nghỉ hoán đổi)
 * @param workingDays         weekly rest days that are worked, the other half of a swap (ngày làm bù)
 */
public record OfficialDecision(
    int year,
    String file,
    Optional<Tet> tet,
    Optional<DecidedDay> nationalDayAdjacent,
    List<DecidedDay> daysOff,
    List<DecidedDay> workingDays) {

  /** The official Tết holidays, {@code from}–{@code to} inclusive. */
  public record Tet(LocalDate from, LocalDate to, boolean verified, String source) {}

  /** One decided day. {@code verified = false} marks a figure not yet checked against the official text. */
  public record DecidedDay(LocalDate date, String reason, boolean verified, String source) {}
}
