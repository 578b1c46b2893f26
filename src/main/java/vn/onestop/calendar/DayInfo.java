package vn.onestop.calendar;

import java.time.LocalDate;

/**
 * What the working calendar (lịch làm việc) says about one day.
 *
 * @param date    the local date in {@code Asia/Ho_Chi_Minh}
 * @param working {@code true} for a working day (ngày làm việc)
 * @param reason  why, in Vietnamese with an English gloss, e.g. "Tết Nguyên đán (Lunar New Year)",
 *                "Thứ Bảy (Saturday)", "Ngày làm việc (working day)", "Làm bù cho ... (swapped working day)"
 */
public record DayInfo(LocalDate date, boolean working, String reason) {}
